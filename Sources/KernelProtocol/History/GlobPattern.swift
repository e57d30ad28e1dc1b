/// A glob pattern as `history_request` search uses it (SQLite's GLOB, which IPython's
/// history search runs): `*` any run of characters, `?` one character, `[abc]`, `[a-z]` and
/// `[^abc]` / `[!abc]` one character from (or not from) a set. Case-sensitive, and it must
/// match the whole text.
public struct GlobPattern: Sendable, Equatable {
    enum Token: Sendable, Equatable {
        case literal(Character)
        case anyOne
        case anyRun
        case set(members: [ClosedRange<Character>], negated: Bool)
    }

    let tokens: [Token]

    /// Compiles `pattern`. A `[` without a closing `]` stands for itself.
    public init(_ pattern: String) {
        let characters = Array(pattern)
        var tokens: [Token] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "*":
                if tokens.last != .anyRun { tokens.append(.anyRun) }
                index += 1
            case "?":
                tokens.append(.anyOne)
                index += 1
            case "[":
                if let (token, next) = Self.parseSet(characters, from: index) {
                    tokens.append(token)
                    index = next
                } else {
                    tokens.append(.literal("["))
                    index += 1
                }
            default:
                tokens.append(.literal(character))
                index += 1
            }
        }
        self.tokens = tokens
    }

    /// Reads `[...]` starting at `start`; returns the set and the index after `]`.
    private static func parseSet(_ characters: [Character], from start: Int) -> (Token, Int)? {
        var index = start + 1
        var negated = false
        if index < characters.count, characters[index] == "^" || characters[index] == "!" {
            negated = true
            index += 1
        }
        var members: [ClosedRange<Character>] = []
        var first = true
        while index < characters.count {
            let character = characters[index]
            if character == "]" && !first {
                return (.set(members: members, negated: negated), index + 1)
            }
            first = false
            if index + 2 < characters.count, characters[index + 1] == "-", characters[index + 2] != "]" {
                let low = character, high = characters[index + 2]
                if low <= high { members.append(low...high) }
                index += 3
            } else {
                members.append(character...character)
                index += 1
            }
        }
        return nil
    }

    /// Whether the whole of `text` matches.
    public func matches(_ text: String) -> Bool {
        let characters = Array(text)
        // Iterative matching with one backtrack point for the latest `*`: linear in practice,
        // and no recursion for a hostile pattern to exploit.
        var textIndex = 0, tokenIndex = 0
        var starToken = -1, starText = 0
        while textIndex < characters.count {
            if tokenIndex < tokens.count, tokens[tokenIndex] != .anyRun, Self.token(tokens[tokenIndex], accepts: characters[textIndex]) {
                textIndex += 1
                tokenIndex += 1
            } else if tokenIndex < tokens.count, tokens[tokenIndex] == .anyRun {
                starToken = tokenIndex
                starText = textIndex
                tokenIndex += 1
            } else if starToken >= 0 {
                starText += 1
                textIndex = starText
                tokenIndex = starToken + 1
            } else {
                return false
            }
        }
        while tokenIndex < tokens.count, tokens[tokenIndex] == .anyRun { tokenIndex += 1 }
        return tokenIndex == tokens.count
    }

    private static func token(_ token: Token, accepts character: Character) -> Bool {
        switch token {
        case .literal(let expected): character == expected
        case .anyOne: true
        case .anyRun: true
        case .set(let members, let negated): members.contains { $0.contains(character) } != negated
        }
    }
}
