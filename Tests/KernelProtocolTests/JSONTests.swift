import Testing
@testable import KernelProtocol

@Suite("JSON")
struct JSONTests {
    @Test("parses every kind of value")
    func parsesValues() throws {
        let value = try JSONParser.parse(#" {"a": [1, -2, 3.5, 1e3, true, false, null], "b": {"c": "d"}, "e": ""} "#)
        #expect(value == ["a": [1, -2, 3.5, 1000.0, true, false, nil], "b": ["c": "d"], "e": ""])
    }

    @Test("integers stay integers; too-large integers become doubles")
    func numbers() throws {
        #expect(try JSONParser.parse("42") == .int(42))
        #expect(try JSONParser.parse("-0") == .int(0))
        #expect(try JSONParser.parse("2.0") == .double(2))
        #expect(try JSONParser.parse("99999999999999999999") == .double(1e20))
        #expect(JSONValue.double(3).intValue == 3)
    }

    @Test("decodes escapes, including surrogate pairs")
    func escapes() throws {
        #expect(try JSONParser.parse(#""a\"b\\c\/d\n\t\r\b\f\u00e9\ud83d\ude00""#) == .string("a\"b\\c/d\n\t\r\u{8}\u{c}é😀"))
    }

    @Test("refuses malformed text", arguments: [
        "", "{", "[1,]", "{\"a\" 1}", "{\"a\":1,}", "01", "1.", "-", "tru", "\"abc", "\"\\x\"", "\"\\ud800\"",
        "\"a\u{1}b\"", "{} x", "[1 2]", "nul", "{1: 2}", "\"\\u12\"",
    ])
    func refusesMalformed(text: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
    }

    @Test("refuses nesting deeper than the limit instead of overflowing the stack")
    func depthLimit() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: Never.self) { try JSONParser.parse(fine) }
    }

    @Test("writes compact JSON with sorted keys and escaped strings")
    func writes() {
        let value: JSONValue = ["b": [1, 2.5, true, nil], "a": "q\"\\\n\u{1}é"]
        #expect(JSONWriter.string(value) == #"{"a":"q\"\\\n\u0001é","b":[1,2.5,true,null]}"#)
        #expect(JSONWriter.string(.double(.nan)) == "null")
    }

    @Test("what it writes, it reads back unchanged")
    func roundTrip() throws {
        let value: JSONValue = ["text": "line\nnext\t\u{7f}😀", "numbers": [0, -1, 1.25, 1e-7, .int(Int.max)], "empty": [:], "list": []]
        #expect(try JSONParser.parse(JSONWriter.encode(value)) == value)
        #expect(try JSONParser.parse(JSONWriter.prettyString(value)) == value)
    }

    @Test("pretty output indents one member a line")
    func pretty() {
        #expect(JSONWriter.prettyString(["a": [1], "b": [:]]) == "{\n  \"a\": [\n    1\n  ],\n  \"b\": {}\n}\n")
    }
}
