import SandboxKit

/// Word lists for fake data, with the awkward values real orgs hold: accents, CJK, emoji,
/// quotes, commas, line breaks and backslashes, so every encoder on the way gets tested.
enum SampleText {
    static let firstNames = ["Ada", "Grace", "Linus", "Zoë", "José", "Björn", "Aiko", "Chloé", "Mateo", "Priya", "Olu", "Sven", "Ines", "Kenji", "Amélie", "Noah", "Fatima", "Liam", "Sofía", "Yuki"]
    static let lastNames = ["Lovelace", "Hopper", "Torvalds", "Müller", "García", "Ångström", "Tanaka", "O'Brien", "Nguyễn", "Smith", "Kowalski", "Dubois", "Okafor", "Rossi", "Andersen", "Silva", "Patel", "Kim", "Johnson", "Novák"]
    static let companyWords = ["Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Hooli", "Vandelay", "Soylent", "Cyberdyne", "Tyrell", "Wonka", "Aperture", "Oscorp", "Massive Dynamic", "Nakatomi"]
    static let companySuffixes = ["Inc.", "LLC", "GmbH", "S.A.", "Ltd", "K.K.", "AG", "Corp."]
    /// Names that stress quoting and encodings; used for a share of rows.
    static let awkwardNames = [
        "日本語テスト株式会社", "Café \"Le Zinc\", S.A.R.L.", "O'Reilly & Sons, Ltd.", "🚀 Rocket Labs",
        "Line one\nLine two", "Back\\slash Partners", "Tab\tSeparated Co", "Zoë's Ünïcödé Emporium",
        "Comma, Quote \" and Semicolon; Inc", "Ελληνική Εταιρεία", "Компания Пример", "שלום Ltd", "Ends with backslash \\",
    ]
    static let cities: [(city: String, state: String?, country: String, postal: String, latitude: Double, longitude: Double)] = [
        ("San Francisco", "CA", "United States", "94105", 37.7897, -122.3972), ("New York", "NY", "United States", "10001", 40.7506, -73.9972),
        ("Zürich", nil, "Switzerland", "8001", 47.3769, 8.5417), ("São Paulo", "SP", "Brazil", "01310-100", -23.5614, -46.6559),
        ("東京", nil, "Japan", "100-0005", 35.6812, 139.7671), ("Montréal", "QC", "Canada", "H3B 1A7", 45.5017, -73.5673),
        ("Kraków", nil, "Poland", "31-001", 50.0614, 19.9366), ("Paris", nil, "France", "75001", 48.8606, 2.3376),
        ("Austin", "TX", "United States", "73301", 30.2672, -97.7431), ("Sydney", "NSW", "Australia", "2000", -33.8688, 151.2093),
    ]
    static let streets = ["1 Market St", "500 Fifth Ave\nSuite 1200", "Bahnhofstrasse 1", "Av. Paulista, 1578", "丸の内1-1-1", "10 Rue de Rivoli", "123 \"Quoted\" Way", "42 Backslash\\Lane"]
    static let products = ["Platform Core", "Analytics Add-on", "Premium Support", "Onboarding Package", "Data Connector", "Security Suite", "API Access", "Training Day"]
    static let subjects = ["Call", "Send Letter", "Send Quote", "Follow up", "Demo", "Email: pricing question", "Kick-off meeting", "Renewal discussion"]
    static let descriptions = [
        "Customer asked for a quote, including \"enterprise\" tier.\nFollow up next week.",
        "Multi-line note:\n- item one\n- item two, with comma\n- item three; with semicolon",
        "Unicode: café, naïve, 日本語, emoji 🎉, math ∑",
        "Path C:\\Users\\sales\\notes.txt and a trailing backslash \\",
        "Plain description.",
    ]

    static func companyName(_ random: inout SeededRandom) -> String {
        if random.chance(0.08) { return random.pick(awkwardNames) ?? "Acme" }
        return "\(random.pick(companyWords) ?? "Acme") \(random.pick(companySuffixes) ?? "Inc.")"
    }

    static func person(_ random: inout SeededRandom) -> (first: String, last: String) {
        (random.pick(firstNames) ?? "Ada", random.pick(lastNames) ?? "Lovelace")
    }

    /// An address-safe e-mail local part from a name.
    static func email(first: String, last: String, number: Int) -> String {
        let ascii = (first + "." + last).lowercased().unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || $0 == ".") }
        return String(String.UnicodeScalarView(ascii)) + "\(number)@example.com"
    }
}
