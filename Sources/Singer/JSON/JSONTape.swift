/// A parsed JSON text as a flat token list over the input bytes: what `JSONParser` builds
/// without allocating per value, and what `JSONElement` walks.
///
/// Strings and numbers point into the input; containers know where their subtree ends, so a
/// reader can skip a member it does not need in O(1).
struct JSONTape: Sendable {
    enum Kind: UInt8, Sendable {
        case null, `true`, `false`, number, string, array, object
    }

    struct Token: Sendable {
        var kind: Kind
        /// Strings: whether the raw bytes contain escapes. Numbers: whether the text is an integer literal.
        var flag: Bool
        /// Strings (inside the quotes) and numbers: byte range in the input. Containers: `start` is
        /// unused and `length` counts elements (arrays) or members (objects).
        var start: UInt32
        var length: UInt32
        /// Index of the first token after this value's subtree.
        var end: UInt32
        /// Containers: the offset just past the closing bracket (scalars: unused).
        var byteEnd: UInt32 = 0
    }

    var tokens: [Token] = []
}
