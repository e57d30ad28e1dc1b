/// The shell channel: runs on its own thread, which also owns the interpreter and the stdin
/// socket. Requests are served one at a time through a dispatch table from `msg_type` to
/// handler.
final class ShellChannel {
    private let channel: RequestChannel
    private let stdin: StdinChannel
    private let interpreter: any Interpreter
    private let info: KernelInfo
    private let connection: ConnectionFile
    private let stop: KernelStop
    private var executionCount = 0
    private var history = ExecutionHistory()

    init(
        channel: RequestChannel, stdin: StdinChannel, interpreter: any Interpreter, info: KernelInfo,
        connection: ConnectionFile, stop: KernelStop
    ) {
        self.channel = channel
        self.stdin = stdin
        self.interpreter = interpreter
        self.info = info
        self.connection = connection
        self.stop = stop
    }

    /// A handler is looked up by message type, then applied to this channel and the request.
    private typealias Handler = @Sendable (ShellChannel) -> (Message) -> Void

    private static let handlers: [String: Handler] = [
        "execute_request": { $0.execute },
        "kernel_info_request": { $0.kernelInfo },
        "complete_request": { $0.complete },
        "inspect_request": { $0.inspect },
        "is_complete_request": { $0.isComplete },
        "history_request": { $0.history },
        "comm_info_request": { $0.commInfo },
        "comm_open": { $0.commOpen },
        "comm_msg": { $0.commMessage },
        "comm_close": { $0.commMessage },
        "connect_request": { $0.connect },
        "shutdown_request": { $0.shutdown },
    ]

    /// Serves requests until the context is shut down.
    func run() {
        do {
            while true {
                guard let request = try channel.receive() else { continue }
                serve(request)
                // Stopping after `idle` has been queued, so that it is published.
                if request.messageType == "shutdown_request" {
                    stop.request(.shutdownRequested(restart: request.content["restart"]?.boolValue ?? false))
                }
            }
        } catch where error.isTerminated {
            // The kernel is stopping.
        } catch {
            KernelLog.warning("shell thread stopped: \(error)")
        }
    }

    private func serve(_ request: Message) {
        channel.serve(request) { request in
            if let handler = Self.handlers[request.messageType] {
                handler(self)(request)
            } else {
                unknown(request)
            }
        }
    }

    // MARK: execute

    private func execute(_ request: Message) {
        let content = request.content
        guard let code = content["code"]?.stringValue else {
            return channel.replyInvalid(to: request, "\"code\" must be a string")
        }
        let silent = content["silent"]?.boolValue ?? false
        let storeHistory = silent ? false : (content["store_history"]?.boolValue ?? true)
        let stopOnError = content["stop_on_error"]?.boolValue ?? true
        var userExpressions: [String: String] = [:]
        for (name, expression) in content["user_expressions"]?.objectValue ?? [:] {
            if let expression = expression.stringValue { userExpressions[name] = expression }
        }
        if storeHistory { executionCount += 1 }
        let count = executionCount
        let started = MessageHeaderFactory.timestamp()

        if !silent {
            channel.publisher.publish("execute_input", content: ["code": .string(code), "execution_count": .int(count)], parent: request)
        }
        let output = CellOutput(
            request: request, executionCount: count, silent: silent,
            allowStdin: content["allow_stdin"]?.boolValue ?? false, publisher: channel.publisher, stdin: stdin)
        let outcome = interpreter.execute(
            ExecuteRequest(
                code: code, silent: silent, storeHistory: storeHistory, allowStdin: output.allowStdin,
                stopOnError: stopOnError, userExpressions: userExpressions, executionCount: count),
            output: output)
        if output.wroteStream { channel.publisher.flushStreams() }
        if storeHistory { history.record(line: count, input: code, output: output.resultText) }

        var reply: JSONObject
        switch outcome {
        case .ok(let payload, let evaluated):
            reply = ["status": "ok", "payload": .array(payload.map(\.json)), "user_expressions": .object(evaluated)]
        case .error(let error):
            if !silent { channel.publisher.publish("error", content: error.content, parent: request) }
            reply = error.content
            reply["status"] = "error"
        }
        reply["execution_count"] = .int(count)
        // Taken before the reply goes out, so that only requests sent before the client could
        // know of the error are aborted, not one sent in answer to the error reply.
        let queued = stopOnError && !silent && reply["status"] == "error" ? takeQueuedRequests() : []
        channel.reply(to: request, "execute_reply", content: reply, metadata: ["started": .string(started), "status": reply["status"] ?? "ok"])
        abortExecutes(in: queued)
    }

    /// Every request already waiting on the shell socket.
    private func takeQueuedRequests() -> [Message] {
        var queued: [Message] = []
        do {
            while let request = try channel.receive(wait: false) { queued.append(request) }
        } catch {
            // A shut-down context: the main loop notices on the next receive.
        }
        return queued
    }

    /// After a failed cell with `stop_on_error`, the executes that were already waiting are
    /// answered `aborted` instead of run: later cells of a notebook usually depend on the
    /// failed one. Other requests among them are served as usual, in order.
    private func abortExecutes(in queued: [Message]) {
        for request in queued {
            guard request.messageType == "execute_request" else {
                serve(request)
                continue
            }
            channel.serve(request) { request in
                KernelLog.trace("aborted \(request.messageID) after an error")
                channel.reply(to: request, "execute_reply", content: ["status": "aborted"], metadata: ["status": "aborted"])
            }
        }
    }

    // MARK: introspection

    private func kernelInfo(_ request: Message) {
        channel.reply(to: request, "kernel_info_reply", content: info.replyContent)
    }

    private func complete(_ request: Message) {
        guard let code = request.content["code"]?.stringValue else {
            return channel.replyInvalid(to: request, "\"code\" must be a string")
        }
        let cursor = request.content["cursor_pos"]?.intValue ?? code.unicodeScalars.count
        let reply = interpreter.complete(code: code, cursorPosition: cursor)
        channel.reply(to: request, "complete_reply", content: [
            "status": "ok", "matches": .array(reply.matches.map(JSONValue.string)),
            "cursor_start": .int(reply.cursorStart), "cursor_end": .int(reply.cursorEnd), "metadata": .object(reply.metadata),
        ])
    }

    private func inspect(_ request: Message) {
        guard let code = request.content["code"]?.stringValue else {
            return channel.replyInvalid(to: request, "\"code\" must be a string")
        }
        let cursor = request.content["cursor_pos"]?.intValue ?? code.unicodeScalars.count
        let reply = interpreter.inspect(code: code, cursorPosition: cursor, detailLevel: request.content["detail_level"]?.intValue ?? 0)
        channel.reply(to: request, "inspect_reply", content: [
            "status": "ok", "found": .bool(reply.bundle != nil),
            "data": .object(reply.bundle?.data ?? [:]), "metadata": .object(reply.bundle?.metadata ?? [:]),
        ])
    }

    private func isComplete(_ request: Message) {
        guard let code = request.content["code"]?.stringValue else {
            return channel.replyInvalid(to: request, "\"code\" must be a string")
        }
        let content: JSONObject
        switch interpreter.isComplete(code: code) {
        case .complete: content = ["status": "complete"]
        case .incomplete(let indent): content = ["status": "incomplete", "indent": .string(indent)]
        case .invalid: content = ["status": "invalid"]
        case .unknown: content = ["status": "unknown"]
        }
        channel.reply(to: request, "is_complete_reply", content: content)
    }

    private func history(_ request: Message) {
        channel.reply(to: request, "history_reply", content: history.reply(to: request.content))
    }

    // MARK: comms

    /// This kernel registers no comm targets; it says so instead of staying silent.
    private func commInfo(_ request: Message) {
        channel.reply(to: request, "comm_info_reply", content: ["status": "ok", "comms": [:]])
    }

    /// A comm to a target nobody registered is closed at once, as ipykernel does, so that
    /// the front end does not wait on it.
    private func commOpen(_ request: Message) {
        guard let commID = request.content["comm_id"]?.stringValue else {
            return KernelLog.warning("comm_open without a \"comm_id\" string, ignored")
        }
        let target = request.content["target_name"]?.stringValue ?? ""
        KernelLog.warning("comm_open for target \"\(target)\", which this kernel does not have; closing comm \(commID)")
        channel.publisher.publish("comm_close", content: ["comm_id": .string(commID), "data": [:]], parent: request)
    }

    private func commMessage(_ request: Message) {
        let commID = request.content["comm_id"]?.stringValue ?? "(none)"
        KernelLog.warning("\(request.messageType) for comm \(commID), which is not open; ignored")
    }

    // MARK: the rest

    private func connect(_ request: Message) {
        var content: JSONObject = ["status": "ok"]
        for channel in ConnectionFile.Channel.allCases {
            content["\(channel.rawValue)_port"] = .int(connection.ports[channel] ?? 0)
        }
        channel.reply(to: request, "connect_reply", content: content)
    }

    /// Deprecated on shell (it belongs on control) but still sent by older clients.
    private func shutdown(_ request: Message) {
        let restart = request.content["restart"]?.boolValue ?? false
        let content: JSONObject = ["status": "ok", "restart": .bool(restart)]
        channel.reply(to: request, "shutdown_reply", content: content)
        channel.publisher.publish("shutdown_reply", content: content, parent: request)
    }

    private func unknown(_ request: Message) {
        guard request.messageType.hasSuffix("_request") else {
            return KernelLog.warning("shell: ignored a \(request.messageType) message")
        }
        channel.replyInvalid(to: request, "this kernel does not serve \(request.messageType) on the shell channel")
    }
}
