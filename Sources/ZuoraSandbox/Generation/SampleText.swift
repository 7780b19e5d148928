/// Names and notes with the edge cases CSV and JSON handling must survive.
enum SampleText {
    static let companies = [
        "Acme Corporation", "Globex", "Initech", "Zoë Ørsted ApS", "株式会社サンプル商事", "O'Brien & Sons",
        "Smith, Jones and \"Partners\"", "Café Économie SARL", "Umbrella Ltd 🚀", "Müller-Lüdenscheidt AG",
        "Soylent, Inc.", "Stark Industries", "Wayne Enterprises", "Ōkami Labs", "Hooli", "Pied Piper",
    ]
    static let firstNames = ["Ada", "José", "Zoë", "Łukasz", "Mei", "Oluwaseun", "Siobhán", "Björn", "Priya", "Tomás"]
    static let lastNames = ["Lovelace", "Muñoz", "O'Neil", "Kowalski", "王", "Adeyemi", "Nic Gearailt", "Sørensen", "Iyer", "García"]
    static let cities = ["São Paulo", "Zürich", "Kraków", "東京", "Reykjavík", "Austin", "Montréal", "Dublin"]
    static let countries = ["Brazil", "Switzerland", "Poland", "Japan", "Iceland", "United States", "Canada", "Ireland"]
    static let notes = [
        "", "Renewal call scheduled.", "Customer asked, again, for \"net 45\" terms.",
        "Line one\nLine two, with a comma", "Paid by wire; see ticket #4411.\r\nEscalated to finance.",
        "Ünïcødé ✓ — naïve café", "Comma, comma, comma",
    ]
}
