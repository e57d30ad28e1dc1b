import Testing
@testable import Eval

/// is_complete, complete and inspect, as the kernel asks them.
@Suite struct IsCompleteTests {
    @Test(arguments: [
        ("x = 1", Completeness.complete),
        ("print('hi')", .complete),
        ("", .complete),
        ("x = (1,", .incomplete(indent: "")),
        ("x = [1,\n     2,", .incomplete(indent: "     ")),
        ("x = [1,\n     2]", .complete),
        ("if x:\n    y = [1,\n         2]", .incomplete(indent: "         ")),
        ("if x:", .incomplete(indent: "    ")),
        ("def f():\n    return 1", .incomplete(indent: "    ")),
        ("def f():\n    return 1\n\n", .complete),
        ("if x:\n    pass\n", .complete),
        ("for i in range(4):\n    total += i\n    ", .complete),
        ("for i in range(3):\n  if i:", .incomplete(indent: "      ")),
        ("s = '''abc", .incomplete(indent: "")),
        ("x = 1 + \\", .incomplete(indent: "")),
        ("x = = 1", .invalid),
        ("1 = x", .invalid),
        ("x = )", .invalid),
        ("class A:", .incomplete(indent: "    ")),
        ("yield 1", .invalid),
    ])
    func completeness(_ code: String, _ expected: Completeness) {
        let nb = Notebook()
        #expect(nb.session.isComplete(code) == expected, "\(code)")
    }
}

@Suite struct CompletionTests {
    @Test func namesInScopeBuiltinsAndKeywords() {
        let nb = Notebook()
        nb.run("learning_rate = 0.1\nlearner = 'x'")
        let completion = nb.session.complete("lea", cursor: 3)
        #expect(completion.matches == ["learner", "learning_rate"])
        #expect(completion.cursorStart == 0 && completion.cursorEnd == 3)
        #expect(nb.session.complete("pri", cursor: 3).matches == ["print"])
        #expect(nb.session.complete("whi", cursor: 3).matches == ["while"])
    }

    @Test func moduleMembersAndAttributes() {
        let nb = Notebook()
        nb.run("import math\nxs = [1, 2]")
        let math = nb.session.complete("y = math.sq", cursor: 11)
        #expect(math.matches == ["sqrt"])
        #expect(math.cursorStart == 9 && math.cursorEnd == 11)
        #expect(nb.session.complete("xs.app", cursor: 6).matches == ["append"])
        #expect(nb.session.complete("'abc'.up", cursor: 8).matches.isEmpty)
        #expect(nb.session.complete("import ma", cursor: 9).matches == ["math", "matplotlib"])
        #expect(nb.session.complete("from math import fl", cursor: 20).matches == ["floor"])
    }

    @Test func keywordArgumentsInsideACall() {
        let nb = Notebook()
        nb.run("def fit(x, epochs=1, batch_size=32, verbose=1):\n    pass")
        let completion = nb.session.complete("fit(data, ep", cursor: 12)
        #expect(completion.matches.first == "epochs=")
        #expect(nb.session.complete("print('a', se", cursor: 13).matches.contains("sep="))
    }

    @Test func cursorPositionsAreCodePoints() {
        let nb = Notebook()
        nb.run("é_value = 1")
        let code = "s = 'αβγ'; é_v"
        let completion = nb.session.complete(code, cursor: code.unicodeScalars.count)
        #expect(completion.matches == ["é_value"])
        #expect(completion.cursorStart == 11 && completion.cursorEnd == 14)
    }
}

@Suite struct InspectionTests {
    @Test func builtinSignatureAndDocstring() throws {
        let nb = Notebook()
        let data = try #require(nb.session.inspect("len(x)", cursor: 2, detailLevel: 0))
        let text = try #require(data.data["text/plain"])
        #expect(text.hasPrefix("Signature: len(obj, /)\nDocstring: Return the number of items in a container."))
    }

    @Test func userFunctionInsideCall() throws {
        let nb = Notebook()
        nb.run("def area(w, h=2):\n    \"\"\"Area of a rectangle.\"\"\"\n    return w * h")
        let data = try #require(nb.session.inspect("area(3, ", cursor: 8, detailLevel: 0))
        #expect(data.data["text/plain"]?.contains("Signature: area(w, h=2)") == true)
        #expect(data.data["text/plain"]?.contains("Area of a rectangle.") == true)
    }

    @Test func questionMarkGivesAPagerPage() {
        let nb = Notebook()
        guard case .success(let result, let pages) = nb.run("import math\nmath.sqrt?") else {
            Issue.record("help request failed")
            return
        }
        #expect(result == nil)
        #expect(pages.count == 1)
        #expect(pages.first?.data["text/plain"]?.hasPrefix("Signature: sqrt(x, /)") == true)
    }

    @Test func helpPrintsSignatureAndDoc() {
        let nb = Notebook()
        let text = nb.output("help(abs)")
        #expect(text.hasPrefix("Help on built-in function abs in module builtins:\n\nabs(x, /)\n    Return the absolute value"))
    }

    @Test func everyBuiltinHasASignatureAndADocstring() {
        let nb = Notebook()
        let runtime = nb.session.interpreterForTests
        for (name, value) in runtime.builtins where !name.hasPrefix("_") {
            guard case .object(let object) = value, object is BuiltinFunction else { continue }
            #expect(runtime.signatureText(of: value) != nil, "\(name)")
            #expect(!runtime.docText(of: value).isEmpty, "\(name) has no docstring")
        }
        for type in [PyType.int, .float, .str, .bool, .list, .tuple, .dict, .set, .range] {
            #expect(runtime.signatureText(of: .object(type)) != nil, "\(type.name)")
            #expect(!type.doc.isEmpty, "\(type.name)")
        }
    }
}
