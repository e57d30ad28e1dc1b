/// The control channel, on its own thread so that it answers while a cell runs: interrupts,
/// shutdown and kernel info get through however busy the shell is.
final class ControlChannel {
    private let channel: RequestChannel
    private let info: KernelInfo
    private let interrupts: KernelInterrupts
    private let stop: KernelStop

    init(channel: RequestChannel, info: KernelInfo, interrupts: KernelInterrupts, stop: KernelStop) {
        self.channel = channel
        self.info = info
        self.interrupts = interrupts
        self.stop = stop
    }

    private typealias Handler = @Sendable (ControlChannel) -> (Message) -> Void

    private static let handlers: [String: Handler] = [
        "kernel_info_request": { $0.kernelInfo },
        "interrupt_request": { $0.interrupt },
        "shutdown_request": { $0.shutdown },
        "debug_request": { $0.debug },
    ]

    /// Serves requests until the context is shut down.
    func run() {
        do {
            while true {
                guard let request = try channel.receive() else { continue }
                channel.serve(request) { request in
                    if let handler = Self.handlers[request.messageType] {
                        handler(self)(request)
                    } else if request.messageType.hasSuffix("_request") {
                        channel.replyInvalid(to: request, "this kernel does not serve \(request.messageType) on the control channel")
                    } else {
                        KernelLog.warning("control: ignored a \(request.messageType) message")
                    }
                }
                // Stopping after `idle` has been queued, so that it is published.
                if request.messageType == "shutdown_request" {
                    stop.request(.shutdownRequested(restart: request.content["restart"]?.boolValue ?? false))
                }
            }
        } catch where error.isTerminated {
            // The kernel is stopping.
        } catch {
            KernelLog.warning("control thread stopped: \(error)")
        }
    }

    private func kernelInfo(_ request: Message) {
        channel.reply(to: request, "kernel_info_reply", content: info.replyContent)
    }

    /// Stops the running cell (it ends with `KeyboardInterrupt`; variables survive).
    private func interrupt(_ request: Message) {
        interrupts.interrupt()
        channel.reply(to: request, "interrupt_reply", content: ["status": "ok"])
    }

    /// Replies; the kernel stops once `idle` is out (see `run`). The reply is broadcast on
    /// IOPub too, so that every connected front end learns of the shutdown.
    private func shutdown(_ request: Message) {
        let restart = request.content["restart"]?.boolValue ?? false
        let content: JSONObject = ["status": "ok", "restart": .bool(restart)]
        channel.reply(to: request, "shutdown_reply", content: content)
        channel.publisher.publish("shutdown_reply", content: content, parent: request)
    }

    /// This kernel has no debugger (`kernel_info_reply` says `debugger: false`); a front end
    /// that asks anyway gets an error it can show, in both the Jupyter and the Debug Adapter
    /// Protocol shapes.
    private func debug(_ request: Message) {
        let command = request.content["command"]?.stringValue ?? ""
        let message = "this kernel has no debugger (kernel_info_reply says debugger: false)"
        channel.reply(to: request, "debug_reply", content: [
            "status": "error", "ename": "DebuggerUnavailable", "evalue": .string(message), "traceback": [],
            "type": "response", "request_seq": request.content["seq"] ?? 0, "success": false,
            "command": .string(command), "message": .string(message),
        ])
    }
}
