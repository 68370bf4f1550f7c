# data module
"""Word lists the built-in datasets and the template fields both draw from: one home, so they cannot drift.

Data only (no behaviour): adding an industry, a currency or a product noun is an edit here and nowhere else.
"""

from __future__ import annotations

# industry -> its sub-industries
INDUSTRIES: dict[str, tuple[str, ...]] = {
    "Technology": ("Software", "Semiconductors", "IT Services", "Consumer Electronics", "Cybersecurity"),
    "Healthcare": ("Pharmaceuticals", "Medical Devices", "Biotechnology", "Hospitals", "Health Insurance"),
    "Finance": ("Banking", "Insurance", "Asset Management", "Payments", "Fintech"),
    "Retail": ("E-commerce", "Grocery", "Apparel", "Home Improvement", "Department Stores"),
    "Manufacturing": ("Automotive", "Industrial Machinery", "Chemicals", "Aerospace", "Packaging"),
    "Energy": ("Oil & Gas", "Renewable Energy", "Utilities", "Energy Storage"),
    "Media": ("Publishing", "Broadcasting", "Video Games", "Advertising", "Streaming"),
    "Transportation": ("Logistics", "Airlines", "Rail", "Shipping"),
    "Real Estate": ("Commercial Real Estate", "Residential Real Estate", "REIT", "Property Management"),
    "Hospitality": ("Hotels", "Restaurants", "Travel Agencies", "Leisure"),
}

DEPARTMENTS = (
    "Engineering",
    "Sales",
    "Marketing",
    "Finance",
    "Human Resources",
    "Operations",
    "Legal",
    "Customer Support",
    "Product",
    "Research",
)

TIMEZONES = (
    "UTC",
    "Europe/London",
    "Europe/Berlin",
    "Europe/Paris",
    "Europe/Madrid",
    "Europe/Rome",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/Sao_Paulo",
    "Asia/Tokyo",
    "Asia/Singapore",
    "Australia/Sydney",
    "Africa/Johannesburg",
    "Asia/Kolkata",
)

CURRENCIES = ("USD", "EUR", "GBP", "JPY", "BRL", "CHF", "CAD", "AUD", "SEK", "INR")

# Published test card numbers of the card networks: they pass the Luhn check and can never be charged.
TEST_CARDS = (
    "4242424242424242",
    "4000056655665556",
    "5555555555554444",
    "2223003122003222",
    "5200828282828210",
    "378282246310005",
    "371449635398431",
    "6011111111111117",
    "3056930009020004",
    "3566002020360505",
)

USER_AGENTS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
    "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
    "Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36",
)

# The IPv4 documentation ranges TEST-NET-1, -2 and -3 (RFC 5737): never routed on the internet.
TEST_NETS = ("192.0.2.", "198.51.100.", "203.0.113.")

# category -> (product nouns, (min, max) unit price)
CATALOGUE: dict[str, tuple[tuple[str, ...], tuple[float, float]]] = {
    "Electronics": (
        (
            "Wireless Headphones",
            "Bluetooth Speaker",
            "Smartwatch",
            "Tablet",
            "Laptop",
            "Monitor",
            "Keyboard",
            "Webcam",
            "Power Bank",
            "USB-C Hub",
        ),
        (9.99, 1899.0),
    ),
    "Books": (
        (
            "Novel",
            "Cookbook",
            "Travel Guide",
            "Biography",
            "Poetry Collection",
            "Textbook",
            "Graphic Novel",
            "Children's Book",
        ),
        (4.99, 89.0),
    ),
    "Clothing": (
        ("T-Shirt", "Jeans", "Hoodie", "Rain Jacket", "Sneakers", "Dress", "Wool Sweater", "Scarf"),
        (7.99, 249.0),
    ),
    "Home & Kitchen": (
        (
            "Chef's Knife",
            "Blender",
            "Coffee Maker",
            "Cast Iron Skillet",
            "Bath Towel Set",
            "Table Lamp",
            "Storage Box",
            "Cutting Board",
        ),
        (5.99, 399.0),
    ),
    "Sports & Outdoors": (
        (
            "Yoga Mat",
            "Camping Tent",
            "Hiking Backpack",
            "Water Bottle",
            "Bike Helmet",
            "Dumbbell Set",
            "Running Shorts",
        ),
        (6.99, 499.0),
    ),
    "Beauty": (
        ("Face Cream", "Shampoo", "Lipstick", "Perfume", "Hair Dryer", "Nail Polish Set"),
        (3.99, 149.0),
    ),
    "Toys": (("Building Blocks", "Puzzle", "Board Game", "Plush Bear", "Toy Car", "Art Set"), (4.99, 129.0)),
    "Grocery": (
        ("Olive Oil", "Ground Coffee", "Green Tea", "Dark Chocolate", "Pasta", "Honey"),
        (1.99, 39.0),
    ),
}

PRODUCT_ADJECTIVES = (
    "Classic",
    "Premium",
    "Compact",
    "Eco",
    "Deluxe",
    "Essential",
    "Pro",
    "Ultra",
    "Smart",
    "Everyday",
)
