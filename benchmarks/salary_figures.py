"""Per-locale salary figures of `user` (seed 7): five titles, ages 22-25 vs 40-55.

python -m benchmarks.salary_figures [rows]
"""

import sys

import numpy as np

from synthdata.engine import BLOCK_ROWS, LOCALES, get_dataset
from synthdata.engine.dataset import BlockContext
from synthdata.engine.locales import locale_profile

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
TITLES = {  # concept -> title per locale (Faker's lists differ; "en" is the list of en_US, en_GB, it_IT)
    "physician": {
        "en": "Doctor, general practice",
        "de_DE": "Arzt",
        "fr_FR": "médecin généraliste",
        "es_ES": "Médico general",
        "ja_JP": "医師",
        "pt_BR": "Médico clínico",
    },
    "software": {
        "en": "Software engineer",
        "de_DE": "Programmierer",
        "fr_FR": "développeur informatique",
        "es_ES": "Desarrollador de software",
        "ja_JP": "ゲームクリエイター",
        "pt_BR": "Desenvolvedor web (técnico)",
    },
    "nurse": {
        "en": "Nurse, adult",
        "de_DE": "Krankenschwester",
        "fr_FR": "infirmier",
        "es_ES": "Profesional de enfermería",
        "ja_JP": "介護ヘルパー",
        "pt_BR": "Enfermeiro",
    },
    "designer": {
        "en": "Graphic designer",
        "de_DE": "Designer",
        "fr_FR": "designer graphique",
        "es_ES": "Diseñador gráfico",
        "ja_JP": "グラフィックデザイナー",
        "pt_BR": "Desenhista industrial gráfico (designer gráfico)",
    },
    "service": {
        "en": "Barista",
        "de_DE": "Friseur",
        "fr_FR": "caissier",
        "es_ES": "Cajero",
        "ja_JP": "調理師",
        "pt_BR": "Operador de caixa",
    },
}
ds = get_dataset("user")
for loc in LOCALES:
    sal_blocks, age_blocks, job_blocks = [], [], []
    for b in range(N // BLOCK_ROWS):
        c = ds.generate_block(BlockContext(7, loc, b, {}))
        sal_blocks.append(np.asarray(c["salary"].python_values()))
        age_blocks.append(np.asarray(c["age"].python_values()))
        job_blocks.append(np.asarray(c["job_title"].python_values(), dtype=object))
    sal, age, job = np.concatenate(sal_blocks), np.concatenate(age_blocks), np.concatenate(job_blocks)
    entry = locale_profile(loc).economy
    row = [loc, entry.currency, f"cited {entry.median_annual_wage:,}", f"median {np.median(sal):,.0f}"]
    for concept, by in TITLES.items():
        t = by.get(loc, by["en"])
        m = sal[job == t]
        row.append(
            f"{concept}[{t}] {np.median(m):,.0f} (n={m.size})" if m.size else f"{concept}[{t}] MISSING"
        )
    young, mid = sal[(age >= 22) & (age <= 25)], sal[(age >= 40) & (age <= 55)]
    row += [
        f"22-25 {np.median(young):,.0f}",
        f"40-55 {np.median(mid):,.0f}",
        f"corr(age,salary) {np.corrcoef(age, sal)[0, 1]:.3f}",
    ]
    if loc == "en_US":
        row += [f"{t} {np.median(sal[job == t]):,.0f}" for t in ("Chief Executive Officer", "Surgeon")]
    print(" | ".join(row))
