/// Word pools for generated values, with the edge cases a tap must survive: non-ASCII
/// letters, commas and quotes inside values, and line breaks inside notes.
enum SampleText {
    static let firstNames = ["Ana", "José", "Zoë", "Björn", "Mei", "Łukasz", "Aoife", "Søren", "Priya", "Kwame", "Chloé", "Nguyễn", "山田", "Olga", "Mateo", "Fatima"]
    static let lastNames = ["García", "Müller", "O'Brien", "Smith", "Dubois", "Kowalski", "Tanaka", "Ødegaard", "Patel", "Mensah", "Núñez", "Иванова", "Lee", "Rossi"]
    static let companies = ["Acme, Inc.", "Globex \"International\"", "Initech", "Zürich Versicherung", "北京 Tech Co", "Umbrella Corp", "Stark, Wayne & Co", "Hooli", "Vandelay Industries", "Ørsted A/S"]
    static let titles = ["CMO", "Marketing Manager", "VP, Demand Generation", "Developer", "Analyst", "Director of Ops", "CEO"]
    static let cities = ["São Paulo", "München", "Paris", "Kraków", "Tokyo", "Accra", "Austin", "Dublin"]
    static let countries = ["Brazil", "Germany", "France", "Poland", "Japan", "Ghana", "United States", "Ireland"]
    static let notes = ["Met at booth 12.\nAsked for pricing, \"enterprise\" tier.", "Prefers email, not phone", "Line one\r\nLine two", "Wants a demo; budget approved"]
    static let channels = ["Webinar", "Email Blast", "Tradeshow", "Content Syndication", "Paid Search", "Online Advertising"]
    static let programTypes = ["Default", "Event", "Email", "Engagement"]
    static let programTopics = ["Q1 Launch", "Spring Summit", "Pricing Guide", "Café Series", "Nurture – Onboarding", "ABM, Tier 1", "Year-End Push", "Product \"X\" Webinar"]
    static let statusFunnel: [(String, Int)] = [("New", 40), ("Contacted", 20), ("Engaged", 15), ("MQL", 12), ("SQL", 8), ("Disqualified", 5)]
    static let pages = ["/pricing", "/product", "/blog/how-to-sync", "/contact", "/über-uns", "/docs?x=1,2"]
}
