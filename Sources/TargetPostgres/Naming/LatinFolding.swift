/// Spellings in plain ASCII for the accented Latin letters field names commonly carry
/// (`Straße` → `strasse`, `Código` → `codigo`), so European field names stay readable after
/// normalisation instead of turning into `stra_e`.
///
/// A fixed table rather than Unicode decomposition or Foundation's folding: a table cannot shift
/// under a new Unicode or Foundation version, and a shifted spelling would be a new column.
/// Letters outside it (Greek, Cyrillic, CJK, …) are treated like punctuation by ``NamePolicy``.
enum LatinFolding {
    /// The lower-case ASCII spelling of `scalar`, when the table has one.
    static func ascii(for scalar: Unicode.Scalar) -> String? {
        table[scalar]
    }

    private static let table: [Unicode.Scalar: String] = {
        // Each group: the letters on the left all fold to the spelling on the right.
        let groups: [(String, String)] = [
            ("àáâãäåāăąÀÁÂÃÄÅĀĂĄ", "a"),
            ("æÆ", "ae"),
            ("çćĉċčÇĆĈĊČ", "c"),
            ("ďđðĎĐÐ", "d"),
            ("èéêëēĕėęěÈÉÊËĒĔĖĘĚ", "e"),
            ("ĝğġģĜĞĠĢ", "g"),
            ("ĥħĤĦ", "h"),
            ("ìíîïĩīĭįıÌÍÎÏĨĪĬĮİ", "i"),
            ("ĳĲ", "ij"),
            ("ĵĴ", "j"),
            ("ķĶ", "k"),
            ("ĺļľŀłĹĻĽĿŁ", "l"),
            ("ñńņňŉÑŃŅŇ", "n"),
            ("òóôõöøōŏőÒÓÔÕÖØŌŎŐ", "o"),
            ("œŒ", "oe"),
            ("ŕŗřŔŖŘ", "r"),
            ("śŝşšſŚŜŞŠ", "s"),
            ("ß", "ss"),
            ("ţťŧŢŤŦ", "t"),
            ("þÞ", "th"),
            ("ùúûüũūŭůűųÙÚÛÜŨŪŬŮŰŲ", "u"),
            ("ŵŴ", "w"),
            ("ýÿŷÝŶŸ", "y"),
            ("źżžŹŻŽ", "z"),
        ]
        var table: [Unicode.Scalar: String] = [:]
        for (letters, spelling) in groups {
            for scalar in letters.unicodeScalars { table[scalar] = spelling }
        }
        return table
    }()
}
