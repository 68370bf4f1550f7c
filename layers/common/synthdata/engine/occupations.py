"""Which occupational wage level (a key of `economics.json` "levels") a Faker job title belongs to.

Faker's job lists carry no codes, so titles are classified by keyword rules over the languages of the lists
(English, German, French, Spanish, Japanese, Portuguese). Rules are tried in order and the first match wins,
so specific occupations come before their major group (a "Veterinary surgeon" is a veterinarian, a "Tree
surgeon" works in grounds maintenance, and both come before "surgeon"). There is no catch-all: a title that no
rule matches raises, and `test_every_job_title_of_every_locale_has_a_wage_level` keeps all lists covered.
Each pattern is searched case-insensitively anywhere in the title.

Classifying a few thousand titles with these rules takes about a second, too long for a Lambda cold start, so
the result ships as the data file `job_levels` (title -> level), written by `python -m
synthdata.engine.build_job_levels`; `test_shipped_job_levels_match_the_rules` fails when it drifts from the rules or
from the locales' job lists.
"""

from __future__ import annotations

import re
from functools import lru_cache

from synthdata.engine.locale_data import LOCALES, locale_data
from synthdata.engine.vocabulary_files import read_document

JOB_LEVELS_STEM = "job_levels"

RULES: tuple[tuple[str, str], ...] = (
    # Exceptions to the keyword of their group.
    ("cleaning_grounds", r"tree surgeon|arborist|gardener|groundsman|jardinier|jardiner|jardineiro|paisagis"),
    ("veterinarian", r"^veterinar|^vétérinaire|veterinary surgeon|tierarzt|獣医"),
    (
        "dentist",
        r"dentist(?!.*(nurse|technician|assistant|técnico|auxiliar))|dental surgeon|chirurgien-dentiste|odontólog|歯科医師",
    ),
    ("surgeon", r"surgeon|chirurgien|cirujano|cirurgi|neurocirurg|外科"),
    (
        "chief_executive",
        r"chief executive|chief operating|chief financial|chief technology|chief marketing|\bceo\b|président-directeur|pdg|director general|diretor(-| )(geral|presidente|executivo)|経営者",
    ),
    (
        "airline_pilot",
        r"airline pilot|pilot, airline|^pilot$|^pilote de ligne$|pilote d'(avion|hélicoptère)|piloto (de aeronaves|de aviación|comercial|de ensaios)|航空",
    ),
    (
        "physician",
        r"doctor|physician|^médico(?! veterin)|médecin|arzt\b|^arzt|医師|psychiatrist|psychiatre|psiquiatra|radiologist|anaesthetist|pathologist|paediatric|pediatra|dermatolog|ophthalmolog|oftalmolog|cardiolog|oncolog|neurolog|anestesi|ginecolog|gynécolog|obstetric",
    ),
    ("pharmacist", r"pharmacist|^pharmacien|^farmacéutic|^farmacêutic|apotheker|薬剤師"),
    (
        "lawyer",
        r"solicitor|barrister|lawyer|attorney|avocat|abogad|advogad|rechtsanwalt|notai?r|notário|judge|juge|juez|juiz|magistra|裁判官|検察官|procurador|promotor de justi",
    ),
    (
        "registered_nurse",
        r"nurse|infirmier|enfermer|enfermeir|krankenschwester|pfleger|看護|midwife|sage-femme|matrona|parteira",
    ),
    (
        "software_developer",
        r"software|developer|desenvolvedor|programmer|programmierer|développeur|desarrollador|programador|informatiker|web design|ウェブ|ゲームクリエイター|games developer|applications developer",
    ),
    (
        "financial_manager",
        r"financial manager|finance director|directeur financier|director financiero|diretor financeiro|treasurer|trésorier",
    ),
    (
        "accountant",
        r"accountant|accounting technician|auditor|comptable|contable|contador|contabilista|buchhalter|会計士|commissaire aux comptes|expert-comptable",
    ),
    (
        "police",
        r"police|policier|policía|polizist|polici|gendarme|detective|inspecteur de police|guardia civil",
    ),
    ("barista", r"\bbarista"),
    (
        "cashier",
        r"cashier|caissier|cajer|caixa de banco|operador de caixa|supervisor de caixas|kassierer|bank teller|guichetier",
    ),
    (
        "professor",
        r"professor|lecturer|university|universit|maître de conférences|enseignant-chercheur|大学教授|catedrátic|docente universit|ensino superior|enseñanza superior",
    ),
    ("production", r"^(operador|operario|operário|opérateur|operator|ouvrier)\b"),
    (
        "engineering_technician",
        r"technician|technicien|técnico|tecnico|técnica|techniker|tecnólogo|draughtsman|draftsman|dessinateur|desenhista|delineante|surveyor|測量|géomètre|topógrafo",
    ),
    # Major groups.
    (
        "management",
        r"manager|director|directeur|directrice|directora?\b|diretor|gerente|gérant|chef de (projet|produit|service|rayon|chantier|cuisine|mission|secteur|fabrication|publicité|station|d'entreprise|exploitation|entreprise|magasin|groupe|atelier|équipe|agence|de|des|du)|head of|administrador|administrateur|supervisor|superviseur|encarregado|coordenador|coordinador|coordinateur|responsable|dirigente|executive|chefe|jefe|sommelier|intendente|gestor|gestionnaire|officer, (chief|senior)",
    ),
    (
        "legal",
        r"legal|paralegal|juriste|jurídic|huissier|greffier|licensed conveyancer|barrister's clerk|法書士|行政書士|clerc",
    ),
    (
        "computer_math",
        r"data scien|numérique|digital|data analyst|statistic|statisti|estatístic|estadístic|actuar|atuár|actuair|mathemati|mathématic|matemátic|informati|ict|it |network|database|systems|système|sistemas|cyber|web|analista de (sistemas|dados|suporte|desenvolvimento|redes|negócios|informaç)|administrateur réseau|cloud|devops|computer|computador|ordenador|ordinateur|programação|dados",
    ),
    (
        "architecture_engineering",
        r"engineer|ingénieur|ingeniero|engenheiro|ingenieur|architect|architecte|arquitect|arquitet|建築|urbanist|urbaniste|urbanista|cartograph|cartógraf",
    ),
    (
        "science",
        r"scientist|scientifique|científic|cientista|chemist|chimiste|químic|chemikant|physicist|physicien|físic|biolog|géolog|geolog|geofísic|geophysic|astronom|astrônom|astrónom|botán|parfum|researcher|chercheur|investigador|pesquisador|research|economist|économiste|economista|psycholog|psychologue|psicólog|sociolog|anthropolog|antropólog|archaeolog|archéolog|arqueólog|historian|historien|historiador|meteorolog|気象|hydrolog|oceanograph|ecolog|écolog|ecólog|botan|zoolog|microbiolog|geneticist|généticien|genetista|toxicolog|agronom|agronôm|forensic|laborat|labo|koreanistik|geograph|géograph|geógraf|linguist|lingüist|linguista|filósof|philosoph|politólog|cientista político",
    ),
    (
        "community_social",
        r"social work|travailleur social|trabajador social|assistente social|assistant de service social|counsel+or|conseiller|conselheiro|youth worker|community|éducateur|educador social|erzieher|priest|prêtre|sacerdote|padre|pastor|clergy|minister|rabbi|imam|monk|religio|chaplain|aumônier|probation|charity|careers|advice worker|welfare|médiateur|mediador|animateur|animador|psychothérap|psicoterap|therapist|thérapeute|terapeuta|fisioterapeuta|fonoaudiólog|ergothérap|orthophon|logopeda",
    ),
    (
        "education",
        r"teacher|professeur|profesor|maestr|instituteur|enseignant|educator|instructor|instrutor|tutor|formateur|formador|librarian|bibliothécaire|bibliotecari|documentaliste|archivist|archiviste|archiver|archivist|arquivist|curator|conservateur|conservador|museum|teaching|school|escola|escuela|教員|pedagog|pédagog|docent|lehrer|monitor|moniteur|educação|ensino|enseñanza|éducation",
    ),
    (
        "healthcare_practitioner",
        r"therap|audiolog|optometr|optician|opticien|óptic|augenoptiker|orthoptist|orthotist|prosthetist|dietitian|diététicien|dietista|nutricionista|nutritionist|栄養士|chiropod|podiatr|podólog|chiropract|osteopath|ostéopathe|osteópata|paramedic|ambulanc|救急|radiograph|radiolog|sonograph|médic|medic|clinical|clinic|health|santé|salud|saúde|hospital|acupunct|homeopath|homéopathe|herbalist|cytolog|phlebotom|kinésithérap|kinesiólog|ortoptist|perfusion|diagnostic|emergency|biomédic",
    ),
    (
        "healthcare_support",
        r"care assistant|carer|care worker|aide-soignant|auxiliaire|auxiliar de enferm|auxiliar de saúde|cuidador|ayudante|altenpfleger|介護|医療事務|nursing|aide médico|agente comunitário|dental nurse|dental hygien|hygiénist|higienista|massag|masseur|masajista|brancardier|atendente de (enfermagem|farmácia|consultório|clínica)|secrétaire médical|dental",
    ),
    (
        "protective_service",
        r"firefighter|fire fighter|pompier|bombero|bombeiro|security|sécurité|segurança|seguridad|vigilant|vigia|guard|garde|guarda|warden|prison|gardien|carcereiro|penitenci|soldier|soldat|soldado|military|militaire|militar|army|armée|exército|navy|marine|lifeguard|sauveteur|socorrista|salva-vidas|bodyguard|detective|investigator|enquêteur|公務員|beamter|douanier|aduana|alfândega|customs|immigration|agente de (trânsito|segurança|proteção|polícia|investigação|defesa)|inspetor de (polícia|segurança)|surveillant|fiscal",
    ),
    (
        "food_service",
        r"chef|cook|cuisinier|cocinero|cozinheir|koch|調理|寿司|baker|boulanger|panadero|padeiro|bäcker|pâtissier|pastelero|confeiteiro|confiseur|confitero|chocolatier|butcher|boucher|carnicero|açougueiro|fleischer|charcutier|caterer|traiteur|waiter|waitress|serveur|serveuse|camarero|garçom|bartender|barman|barmaid|catering|restaurant|kitchen|cuisine|cozinha|cocina|food|alimentação|fast food|dishwasher|plongeur|lavaplatos|copeiro|sushi|pizza|glacier|fromager|poissonnier|pescadero|crêpier|cafeteria|limonadier|sommelier",
    ),
    (
        "cleaning_grounds",
        r"clean|nettoy|limpi|limpe|lavador|janitor|caretaker|concierge|conserje|zelador|porteiro|gardien d'immeuble|housekeep|gouvernante|pest control|dératiseur|fumigad|dedetiz|chimney|ramoneur|deshollinador|limpa-chaminé|schornsteinfeger|gari|varredor|window|laveur|agente de limpeza|exterminad|lixeir|coletor de lixo|recyclage|reciclag|reciclad",
    ),
    (
        "personal_care",
        r"hairdresser|coiffeur|coiffeuse|peluquer|cabeleireir|friseur|barber|barbier|barbeiro|beaut|estétic|esthétic|esteticist|エステ|manicur|pedicur|cosmetolog|make-?up|maquill|maquiad|tattoo|tatou|tatuad|nanny|nourrice|niñera|babá|au pair|childcare|child care|crèche|puériculture|garderie|guardería|creche|assistant maternel|fitness|personal trainer|sports? coach|entraîneur|entrenador|treinador|coach|tour guide|guide|guía|guia|バスガイド|wedding|ウェディング|funeral|pompes funèbres|funerári|embalm|thanatopract|croupier|animal|\bpet\b|toilett|dog|cuidador de (idosos|animais)|acompanhante|companion|valet|mordomo|butler|mayordomo|recreação|recreador|lazer|loisirs|ocio|占い|fortune|adivin|astrólog|astrolog",
    ),
    (
        "sales",
        r"sales|vendeur|vendedor|verkäufer|営業|retail|commerç|comercia|comerci|merchandis|buyer|acheteur|comprador|estate agent|agent immobilier|agente inmobiliario|corretor|courtier|broker|trader|negociante|représentant|representante|promoter|promotor|telemarket|télévend|televend|shop|store|magasin|boutique|tienda|loja|lojista|dealer|auctioneer|leiloeiro|subastador|drogist|florist|fleuriste|florista|antiquaire|anticuario|antiquário|libraire|librero|livreiro|insurance|assurance|seguros|account executive|advertising|publicit|publicidad|propaganda|marketing|pharmacy|repositor|demonstrador|feirante|ambulante|camelô|expositor",
    ),
    (
        "office_admin",
        r"secretar|clerk|receptionist|réceptionniste|recepcionist|administrative|administratif|administrativ|assistant|assistante|asistente|assistente|auxiliar|office|bureau|oficina|escritório|data entry|typist|dactyl|digitad|mecanógraf|teller|postal|postman|facteur|cartero|carteiro|courier|coursier|mensajer|mensageir|despachante|dispatcher|call centre|call center|téléconseiller|teleoperad|teleatend|operador de telemarketing|customer service|service client|atención al cliente|atendente|atendimento|reservation|réservation|reserva|bank|banque|banca|\bbanca\b|banco|bankkaufmann|payroll|paie|nómina|billing|factur|cobrador|recouvrement|archivista|records|stock control|inventory|inventaire|inventário|almoxarif|estoquista|logistic|logístic|procurement|purchasing|achats|compras|planner|planificad|planejador|ordonnanc|agente administrativo|agent administratif|information officer|officer|proofreader|correcteur|revisor|translator|traducteur|traductor|tradutor|interpret|intérprete|interprète|transcri|agente de (viagens|viajes)|agent de voyages|travel agent|conferente|escriturário|protocol|recepcion|gestion",
    ),
    (
        "farming",
        r"farm|ferme|granj|fazend|agricult|agricol|agrícol|農家|forestry|forest|forêt|forestal|florestal|forstwirt|bûcheron|leñador|lenhador|fisher|pêcheur|pescador|fish|aquacult|aquicult|pisciculteur|acuicult|viticult|vigneron|viñador|vinicult|winzer|horticult|maraîch|horticultor|olericult|fruticult|arboricult|apicult|beekeeper|apicultor|shepherd|berger|pastor de|pastor|vaqueiro|vaquero|cowboy|herdsman|stockman|éleveur|ganader|pecuarist|criador|produtor|productor|cultivador|cueilleur|recolector|colhedor|catador|seringueiro|extrativista|extractor|tratorista|trabalhador (agr|rural|da (pecuária|cultura|avicultura|suinocultura|pesca|exploração|agropecuária|floresta))|jornaleiro|peão|agronomist|equestr|équestre|ecuestre|haras|groom|palefrenier|tropeiro|caçador|chasseur|cazador|hunter",
    ),
    (
        "construction",
        r"builder|building|construct|bâtiment|btp|obra|bricklayer|maçon|albañil|pedreiro|carpenter|charpentier|carpinter|menuisier|marcenei|ebanist|joiner|roofer|couvreur|tejador|telhadista|plasterer|plâtrier|yesero|gesseiro|estucador|stuccat|painter and decorator|peintre en bâtiment|pintor de (obras|edificios|paredes|construç)|plumber|plombier|fontaner|encanador|配管|electrician|électricien|electricista|eletricista|電気工事|elektroniker|glazier|vitrier|cristalero|vidraceir|tiler|carreleur|solador|azulejista|ladrilh|floor|parquet|scaffold|échafaud|andamio|andaime|demolition|démoli|demoli|asphalt|asphaltbauer|paveur|pavimentad|calceteiro|ausbau|concrete|béton|concreto|hormigón|armador|ferralleiro|ferreiro armador|steel fixer|miner|mineur|minero|mineiro|quarry|carrier|cantero|pedreira|blaster|dinamit|boutefeu|blasteiro|driller|foreur|sondador|perfurador|oil rig|offshore|pipelayer|canalisateur|cantonnier|road|estrada|carretera|obras públicas|travaux publics|grutier|crane|guindaste|grua|dragueiro|escavad|excavat|terrassier|cimenteiro|impermeabiliz|étancheur|isolation|insulat|isolador|aislad|serralheiro|cerrajer|serrurier|welder|soudeur|soldador|calderer|caldeireiro|chaudronnier|metalworker|marmorista|mármore|marbrier|calafate|poceiro|poceir|montador de (andaime|estrutura)|pontonnier|géotechn|canteiro|tapiceiro|tapissier|decorador|decorator|storiste|façadier|vitrail",
    ),
    (
        "installation_repair",
        r"mechanic|mécanicien|mecánico|mecânico|mechaniker|repair|répar|repar|maintenance|maintenir|manutenç|mantenimiento|installer|install|instalad|monteur|montador|fitter|ajustad|ajusteur|servicer|service engineer|elevator|ascensor|elevador|ascenseur|lift|locksmith|hvac|refrigera|frigorist|climatiz|heating|chauffag|calefacc|aquecim|mecatrôn|mécatron|automotive|automobile|automóvil|automóvel|auto|carrosserie|carroceiro|carrocer|chapista|funileiro|tire|pneu|neumát|borracheiro|watch|horlog|relojoeiro|relojer|piano tuner|accordeur|afinador|armeiro|armurier|gunsmith|technologist|conservação|restaurador|restaurateur|restorer|luthier|bicycle|vélo|bicicleta|cycle|telecom|télécom|cabo|cableman|lineman|linier|liniero|chirurgiemechaniker|augenoptiker|instrument|plataforma|machinery|machin|máquina|maquinaria|outillage|ferramenteiro|ferrament|tool",
    ),
    (
        "production",
        r"operator|opérateur|operador|operário|ouvrier|obrero|worker|trabalhador|trabajador|production|produção|producción|factory|usine|fábrica|fabric|manufactur|assembl|assembleur|ensamblad|machinist|usineur|tornero|torneiro|fresador|fraiseur|fresador|moldad|moldeur|molder|foundry|fonderie|fundi|forneiro|four|forno|horno|furnace|smelter|fondeur|press|prensista|impressor|imprimeur|impresor|printer|print|imprim|graphic arts|bookbind|relieur|encuaderna|encaderna|gravador|graveur|engraver|grabador|textile|textil|têxtil|tecelão|tisserand|tejedor|weaver|spinner|fiandeir|hilad|tailor|tailleur|sastre|alfaiate|couturier|costurer|seamstress|dressmaker|modista|sewing|couture|costura|confecc|confecç|upholster|tapizad|shoemaker|cordonnier|zapatero|sapateiro|calçad|calzado|leather|cuir|cuero|couro|curtidor|tanneur|tanner|jewel|bijout|joalh|joyer|ourives|orfèvre|goldsmith|silversmith|glass|verre|vidrio|vidreiro|ceramic|céramique|cerámic|cerâmic|potter|potier|alfarer|oleiro|cutler|cutelei|inspector|inspetor|inspecteur|controleur|contrôleur|quality|qualité|calidad|qualidade|classificad|classifica|sorter|trieur|packer|embal|empaque|empacot|emballeur|conditionneur|cortador|cutter|découpeur|preparador|préparateur|lapidador|lapidaire|polidor|polisseur|pulidor|marbler|carimb|estampad|estampeur|tintureir|dyer|teinturier|tintorer|lavandeir|blanchisseur|laundr|lavander|tonelei|tonnelier|cooper|vinificador|œnolog|enólog|brewer|brasseur|cervecer|cervejeir|destilad|distiller|distillateur|sugar|açúcar|azúcar|sucr|dairy|laitier|lácteo|laticín|queijeir|fromag|confectioner|cigar|charuteir|tabaco|tobacco|fumo|papel|paper|papier|celulose|sawmill|scierie|serrador|serraria|aserrad|madeira|madera|bois|wood|marcen|cabinet|mueble|móvel|móveis|meuble|cortiça|cork|rubber|caoutchouc|borracha|plastic|plástic|plastique|chemical|chimique|químico|petroquím|refin|galvan|electroplat|tempera|soldad|welding|metal|métal|forjad|forgeron|ferreiro|blacksmith|smith|trefil|laminad|laminador|caldeir|boiler|chaudière|caldera|mestre|maître|maestro de|master|oficial|artesão|artesano|artisan|craftsman|和紙|花火|職人|confeccionador|tecelagem|fiação|fiador|bordad|brodeur|embroider|rendeira|crocheteir|tricoteur|malharia|vulcaniz|recauchut|trefilad|bobinad|bobineur|winder|extrusor|extrud|injector|injet|montage|mounter|chapeleir|chapelier|hatter|sombrerer|fabricante|manufacturer|producteur|produtor de|tipógraf|tipograf|linotip|fotolit|serígraf|sérigraph|serigraf|revisor de (tecidos|fios)|carimbador|gráfico|graphiste",
    ),
    (
        "transport",
        r"driver|chauffeur|conductor|condutor|motorista|運転|truck|camion|caminhon|lorry|bus|autobus|ônibus|taxi|táxi|courier|livreur|repartidor|entregador|delivery|livraison|reparto|entrega|pilot|pilote|piloto|navigator|航海|sailor|marin|marinheiro|marinero|seaman|matelot|\bsea\b|\bmer\b|\bmar\b|ship|navire|barco|navio|boat|bateau|binnenschiffer|capitão|capitán|capitaine|captain|skipper|deckhand|estivador|estibador|docker|longshore|stevedore|porter|porteur|maletero|carregador|cargador|loader|manutention|movimentad|warehouse|entrepôt|almacén|armazém|magasinier|almacener|armazenist|forklift|cariste|empilhad|railway|chemin de fer|ferrovi|ferroviaire|train|tren|trem|maquinista|locomotiv|conducteur|tram|\bmetro\b|métro|subway|flight attendant|hôtesse|steward|comissário de bordo|azafat|aircrew|cabin crew|air traffic|contrôleur aérien|controlador de (tráfego|tráfico|voo|vuelo)|aviation|aviação|aviación|aérien|transport|transporte|logística|freight|fret|carga|cargo|shipping|expedi|expéditi|expedidor|despatch|dispatch|mover|mudança|mudanza|déménageur|parking|estacionamento|aparcacoches|manobrista|valet|toll|péage|pedágio|peaje|lavador de veículos|car wash|ambulance driver|cocheiro|charreteiro|muleteer|arrieiro|tropeiro|barqueiro|balseiro|pontoneiro|hidroviário|aquaviário|portuário|portuaire|harbour|port\b|puerto|porto|dock|quai|cais|muelle|bagagiste|carrinheiro|ciclista|mensajero",
    ),
    # Titles without a keyword above, by the group they belong to.
    (
        "management",
        r"administrator|civil service|chief|comptroller|financial controller|governador|governor|prefeito|presidente da república|vice-|senador|senator|deputado|vereador|ministro|miembro del poder|membro superior|personal directivo|cacique|líder de comunidade|membro de liderança|syndic|mandataire|economato|économe|ouvidor|secretário - executivo|secretária\(o\) executiva|secrétaire des affaires étrangères|attaché|especialista de políticas públicas|especialista en políticas|chargé d|agent de développement|organiser|organizador|organisateur|cerimonialista|volunteer coordinator|mentor",
    ),
    (
        "business_finance",
        r"consultant|consultor|adviser|advisor|asesor|assessor|analyst|analyste|analista|adjuster|underwriter|souscripteur|lobbyist|collecteur de fonds|captador de recursos|prestamista|tasador|perito|expert|diagnostiqueur|auditeur|agente de (bolsa|empleo|microcrédito|recrutamento|administración)|especialista en (formación|métodos|políticas)|profissional de relaç|profissonal de relaç|relações com investidores|commissaire-priseur|cronoanalista|planejista|kardexista|tenedor de libros|empleado de contabilidad|veilleur|testeur|recruitment|risk|investment|tax|pensions|intelligence|compliance|câmbio|leasing|sinistro|consignatario|généalogiste|déclarant en douane|agent de transit|despachante|analyste de crédit",
    ),
    (
        "science",
        r"metrológ|ólog|ologue|ologist|ólogo|omist|ômo|ónomo|ógrafo|ographe|seismolog|pharmacolog|haematolog|immunolog|lexicograph|ergonom|physiolog|mudlogger|hygienist|radiation|cogniticien|cryptolog|démographe|glaciolog|halieute|histolog|hydraulicien|géomaticien|géothermicien|énergéticien|roboticien|domoticien|optronicien|aérodynamicien|bactériolog|anatomist|formulateur|paléontolog|volcanolog|biotecnolog|zootecnist|sanitarista|fitotecário|filólogo|dosimetrista|registrador de câncer|nivoculteur|cientista|especialista en ciencias|protección medioambiental|environmental|expert bilan|perfum|aromista|oenolog|agrimensor|aparejador|entrevistador|interviewer|codificador de datos|especialista em pesquisa",
    ),
    (
        "healthcare_practitioner",
        r"audioprothésiste|orthoprothésiste|podo-orthésiste|orthodontiste|pédiatre|pédicure|réflexolog|psychomotric|psicomotric|psychanalyst|psicanalista|quiropraxista|osteopata|naturólogo|obstetriz|doula|partería|audiólogo|clinique|clínic|pharmacovigilance|protético dentário|prothésiste dentaire|gerontólogo|visitador sanitário|agente de combate às endemias|agente indígena de saneamento|ludomotricista|puéricult",
    ),
    (
        "community_social",
        r"missionário|sacristão|teólogo|mãe social|sócioeducador|agente de ação social|entrevistador social|orientador educacional|accompagnant éducatif|trabajo social|esotérico|paranormal|raizeiro",
    ),
    (
        "education",
        r"documentalist|focumentalista|museólogo|curador|empleado de biblioteca|bibliotecário|learning|educador para|aplicador de provas|iconographe|scripte",
    ),
    (
        "legal",
        r"substitut du procureur|defensor público|escrivão|escrevente|escribiente|tabelião|secretaire juridique|secrétaire juridique|veille législative|affaires réglementaires",
    ),
    (
        "protective_service",
        r"fuerzas armadas|praça da aeronáutica|agente de inteligência|detetive|perito criminal|delegado de polícia|douanes|convoyeur de fonds|pisteur secouriste|agente de portaria|controlador de entrada",
    ),
    (
        "office_admin",
        r"secr[eéè]t|oficinista|empleado|telefonista|datilógrafo|taquígrafo|estenotipista|paginador|continuista|contínuo|emissor de passagens|accueil|leiturista|cronometrista|copy|sub\b|corrector de pruebas|escribiente|recebedor de apostas|receptor de apuestas|bilheteiro|agent d'escale|empleado de agencia|controlador de procesos|mandader|agente de viagem|analista de folha|microfonista|best boy|gaffer",
    ),
    (
        "sales",
        r"bookseller|technico-commercial|holiday representative|agente de vendas|marchandiseur|étalagiste|propagandista|profesional de ventas|reponedor|expendedor|frentista|baiana de acarajé|influenciador|syndic de copropriété|expert immobilier",
    ),
    (
        "personal_care",
        r"femme de chambre|camareir|gouvernant|governant|body piercer|micropigmentador|banhista de animais|tosador|tratador de animais|soigneur d'animaux|adestrador|domador|especialista en tratamientos de belleza|engraxate|profissional do sexo|profissional de organização|sepultador|garagista|gandula|jóquei|colecionador|accompagnateur|acompañante|surfassagista",
    ),
    ("food_service", r"garçon de café|churrasqueiro|cumim|degustador"),
    (
        "cleaning_grounds",
        r"barrendero|faxineir|empregado\s+doméstico|trabajos varios|limpador|lustrador|élagueur|agent de propreté|agent arboricole|controlador de (pragas|plagas)|controlador de pragas|paisajista|paysagiste|lavadeiro|passador de roupas|planchador|limpiador",
    ),
    (
        "farming",
        r"avicult|cafeicult|cunicult|minhocult|sericult|sexador|inseminad|inséminateur|boiadeiro|redeiro|employé d'élevage|casqueador|ferrador|maréchal-ferrant|acarreador|carvoeiro|ajudante de carvoaria|land\b",
    ),
    (
        "construction",
        r"petróleo|mergulhador|carpint|telhador|techador|assoalhador|taqueiro|rejuntador|assentador|mampostero|revocador|peón de|detonador|escorador|destroçador|cordiste|solier|étanchéiste|staffeur|miroitier|guincheiro|vibradorista|calafet|chapeador|operario en cemento|perforador|pastilheiro|mosaísta",
    ),
    (
        "installation_repair",
        r"dépanneur|lubrificador|balanceador|mantenedor|empalmador|ligador de linhas|cableador|chaveiro|vistoriador|carrossier|régleur|affûteur|herramentista|hot liner|agent d'exploitation de l'eau|agent hydrothermal|cementador",
    ),
    (
        "production",
        r"alimentos|alimentícias|abatedor|magarefe|desossador|retalhador|alambiqueiro|alvejador|amostrador|arrematadeira|balanceiro|bamburista|boneleiro|brasador|carbonizador|ceramista|céramiste|cerzidor|cesteiro|colchonero|copiador|decapador|defumador|dessecador|empacador|enfestador|engastador|escarfador|esteireiro|filtrador|fosfatizador|fuloneiro|gelador|hidrogenador|macheiro|moldeador|malteiro|marcheteiro|misturador|moedor|monotipista|normalizador|oxidador|pasteurizador|picotador|prensador|rebitador|remetedor|riscador|seleiro|sellier|soprador|tanoeiro|tingidor|torrador|traçador|tricoteiro|vassoureiro|vinagreiro|xaropeiro|lagareiro|barnizador|gorjadore|labrante|maleter|modisto|modiste|modéliste|orfebre|platero|peletero|tapicero|tronzador|bottier|estofador|bronzier|maroquinier|décolleteur|coloriste|encadreur|façonnier|maquettiste|ébéniste|verrier|selecionador de material|clasificador|operario de la conservación|herrero|costureira|employé de chai|programmiste|decorador|décorateur|sonoplasta|cartazeiro|stylist|styliste",
    ),
    (
        "transport",
        r"batelier|proeiro|moço de convés|amarrador|sinaleiro|buzo|cadreur|projectionniste|comissário de vôo|agente de pátio|controlador de entrada",
    ),
    (
        "arts_media",
        r"\bator\b|actor|contorcionista|accessoiriste|^make$|equilibrista|trapezista|pugilista|mágico|atletismo|crítico|comentarista|âncora|analista musical|musicólogo|scénariste|assessor de imprensa|mídias sociais|publishing|art director|アートディレクター|actividades culturales|desenvolvedor de multimídia|event|événement",
    ),
    (
        "arts_media",
        r"artist|artiste|artista|アーティスト|art\b|arts|actor|actress|acteur|actrice|atriz|comedian|comédien|comedia|humorist|お笑い|芸人|singer|chanteur|cantante|cantor|歌手|musician|musicien|músic|演奏|音楽|composer|compositeur|compositor|作曲|dancer|danseur|bailar|dançarin|dance|danse|danza|dança|choreograph|chorégraph|coreógraf|director of photography|film|cinéma|cine|cinema|映画|television|télévision|televisión|televisão|video|vidéo|vídeo|youtuber|photograph|photographe|fotógraf|camera|caméra|cámara|câmera|sound|son\b|sonido|som\b|音響|designer|design|diseñ|desenh|dessin|illustrat|ilustrad|イラスト|デザイナー|animator|animateur 2d|animador 3d|アニメ|漫画|cartoon|comic|bande dessinée|writer|écrivain|escritor|author|auteur|autor|小説|作家|脚本|novelist|poet|poète|poeta|journalist|journaliste|periodist|jornalist|reporter|repórter|editor|éditeur|rédact|redactor|redator|copywriter|コピーライター|publisher|broadcast|presenter|présentat|presentad|apresentad|announcer|アナウンサー|locutor|radio|rádio|dj\b|disc jockey|model|modèle|modelo|モデル|mannequin|idol|アイドル|sculpt|escult|paint|peintre|pintor|potter|craft|artisan d'art|athlete|athlète|atleta|sportif|deportista|desportista|jogador|joueur|jugador|player|footballer|futbol|football|esport|sport|árbitro|arbitre|referee|umpire|juiz de|circus|cirque|circo|acrobat|malabar|magician|magicien|mago|clown|palhaço|payaso|puppeteer|marionnett|titerit|stunt|cascad|doublure|dublê|spectacle|espetáculo|espectáculo|theatre|théâtre|teatro|stage|scène|escen|régisseur|cenógraf|scénograph|escenógraf|museum|exhibition|gallery|galerie|galería|conservator|interpreter|intérprete de (libras|lengua de señas)|public relations|relations publiques|relaciones públicas|relações públicas|media|média|médios|communication|comunicaç|comunicación|content|contenu|conteúdo|contenido|lighting|éclairag|iluminad|visual merchandiser|florist|fashion|mode\b|moda|costume|costumier|vestuario|figurino|jewellery designer|interior|intérieur|interiores|produc(er|teur|tor) (de )?(audiovisual|cultural|musical|de cinema|artístic|de espetáculos|de televisão|de rádio)|producer|maquetista|fotograf|orquestra|orchestr|maestro|regente|organist|pianist|guitar|violin|celist|luthier|火",
    ),
)


@lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The rules compiled, on first use: generation reads the shipped table and never needs them."""
    return tuple((level, re.compile(pattern, re.IGNORECASE)) for level, pattern in RULES)


def wage_level_key(title: str) -> str:
    """The wage level of a job title; KeyError naming the title when no rule matches."""
    for level, pattern in _compiled():
        if pattern.search(title):
            return level
    raise KeyError(f"no wage level for the job title {title!r}: add a keyword rule to engine/occupations.py")


def derive_job_levels() -> dict[str, str]:
    """The wage level of every job title of every locale, by the rules."""
    titles = sorted({title for locale in LOCALES for title in locale_data(locale).jobs.tolist()})
    return {title: wage_level_key(title) for title in titles}


@lru_cache(maxsize=1)
def job_levels() -> dict[str, str]:
    """The shipped title -> wage level table (read once per process)."""
    table: dict[str, str] = read_document(JOB_LEVELS_STEM)
    return table
