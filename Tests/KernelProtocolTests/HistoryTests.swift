import Testing
@testable import KernelProtocol

@Suite("Glob patterns (history search)")
struct GlobPatternTests {
    @Test("* ? and sets", arguments: [
        ("1?2*", "1+2+3", true), ("1?2*", "12", false), ("*", "", true), ("a*b*c", "aXXbYYc", true),
        ("a*b*c", "aXXbYY", false), ("[abc]x", "bx", true), ("[^abc]x", "bx", false), ("[!abc]x", "dx", true),
        ("[a-c]", "b", true), ("[a-c]", "d", false), ("print(*)", "print(1)", true), ("Print*", "print(1)", false),
        ("[", "[", true), ("*é?", "café!", true),
    ])
    func matching(pattern: String, text: String, expected: Bool) {
        #expect(GlobPattern(pattern).matches(text) == expected)
    }

    @Test("a pattern of many stars against a long text finishes quickly")
    func noExponentialBlowUp() {
        let pattern = GlobPattern(String(repeating: "*a", count: 30) + "b")
        #expect(!pattern.matches(String(repeating: "a", count: 2000)))
    }
}

@Suite("Execution history")
struct ExecutionHistoryTests {
    func sample() -> ExecutionHistory {
        var history = ExecutionHistory()
        for (line, input) in ["1+2+3", "x = 1", "1+2+3", "print(x)", "3*2"].enumerated() {
            history.record(line: line + 1, input: input, output: input.hasPrefix("1") ? "6" : nil)
        }
        return history
    }

    @Test("tail gives the last n")
    func tail() {
        #expect(sample().tail(2).map(\.input) == ["print(x)", "3*2"])
        #expect(sample().tail(10).count == 5)
    }

    @Test("range gives lines start..<stop of the current session (0 or its number)")
    func range() {
        #expect(sample().range(session: 1, start: 2, stop: 4).map(\.line) == [2, 3])
        #expect(sample().range(session: 0, start: 4, stop: nil).map(\.line) == [4, 5])
        #expect(sample().range(session: -1, start: 0, stop: nil).isEmpty)
    }

    @Test("search with a glob, the last n, and unique")
    func search() {
        let history = sample()
        #expect(history.search(pattern: GlobPattern("1?2*"), count: nil, unique: false).map(\.line) == [1, 3])
        #expect(history.search(pattern: GlobPattern("1?2*"), count: nil, unique: true).map(\.line) == [3])
        #expect(history.search(pattern: GlobPattern("*"), count: 2, unique: false).map(\.line) == [4, 5])
    }

    @Test("the reply has [session, line, input] or [session, line, [input, output]]")
    func reply() {
        let plain = sample().reply(to: ["hist_access_type": "tail", "n": 1, "output": false, "raw": true])
        #expect(plain["history"] == [[1, 5, "3*2"]])
        let withOutput = sample().reply(to: ["hist_access_type": "range", "session": 0, "start": 4, "stop": 5, "output": true])
        #expect(withOutput["history"] == [[1, 4, ["print(x)", nil]]])
        #expect(withOutput["status"] == "ok")
    }
}

@Suite("Stream coalescing")
struct StreamCoalescerTests {
    let request = Message(header: ["msg_id": "r1", "msg_type": "execute_request"])
    let other = Message(header: ["msg_id": "r2", "msg_type": "execute_request"])

    @Test("text of one stream and request is joined into one message")
    func joins() {
        var coalescer = StreamCoalescer()
        let start = ContinuousClock.now
        #expect(coalescer.append(name: "stdout", text: "a\n", parent: request, now: start).isEmpty)
        #expect(coalescer.append(name: "stdout", text: "b\n", parent: request, now: start).isEmpty)
        #expect(coalescer.take()?.text == "a\nb\n")
        #expect(coalescer.take() == nil)
    }

    @Test("a change of stream or of request sends the earlier text first, keeping order")
    func switchingFlushes() {
        var coalescer = StreamCoalescer()
        let now = ContinuousClock.now
        _ = coalescer.append(name: "stdout", text: "out", parent: request, now: now)
        #expect(coalescer.append(name: "stderr", text: "err", parent: request, now: now).map(\.text) == ["out"])
        #expect(coalescer.append(name: "stderr", text: "err2", parent: other, now: now).map(\.text) == ["err"])
        #expect(coalescer.take()?.parent.messageID == "r2")
    }

    @Test("text is due after the interval, not before")
    func dueAfterInterval() {
        var coalescer = StreamCoalescer(interval: .milliseconds(50))
        let start = ContinuousClock.now
        _ = coalescer.append(name: "stdout", text: "x", parent: request, now: start)
        #expect(coalescer.deadline == start + .milliseconds(50))
        #expect(coalescer.takeIfDue(now: start + .milliseconds(49)) == nil)
        #expect(coalescer.takeIfDue(now: start + .milliseconds(50))?.text == "x")
        #expect(coalescer.deadline == nil)
    }

    @Test("a full buffer goes out at once")
    func fullBuffer() {
        var coalescer = StreamCoalescer(maximumBytes: 8)
        let ready = coalescer.append(name: "stdout", text: "123456789", parent: request, now: .now)
        #expect(ready.map(\.text) == ["123456789"])
        #expect(coalescer.pending == nil)
    }
}
