/// The stdin channel: asks the front end for a line of input while a cell runs. Belongs to the
/// shell thread; an interpreter that runs cells on a thread of its own uses it from there
/// while the shell thread waits for the cell, so never two threads at once (ZeroMQ allows a
/// socket to move between threads with such a hand-over).
final class StdinChannel {
    private let socket: ZMQSocket
    private let codec: WireCodec
    private let headers: MessageHeaderFactory
    private let interrupts: KernelInterrupts

    init(socket: ZMQSocket, codec: WireCodec, headers: MessageHeaderFactory, interrupts: KernelInterrupts) {
        self.socket = socket
        self.codec = codec
        self.headers = headers
        self.interrupts = interrupts
    }

    /// Sends `input_request` to the client that sent `parent` and waits for its
    /// `input_reply`, polling for interrupts every 50 ms.
    func requestInput(prompt: String, password: Bool, parent: Message) throws(InputRequestError) -> String {
        let interruptsBefore = interrupts.count
        do {
            // Replies to an earlier, interrupted request must not answer this one.
            while try socket.receive(wait: false) != nil {}
            let request = headers.message(
                "input_request", content: ["prompt": .string(prompt), "password": .bool(password)],
                parent: parent, identities: parent.identities)
            try socket.send(codec.encode(request))
            while true {
                if interrupts.count != interruptsBefore { throw InputRequestError.interrupted }
                guard try socket.poll(timeoutMilliseconds: 50).socketReadable,
                    let frames = try socket.receive(wait: false)
                else { continue }
                let reply: Message
                do {
                    reply = try codec.decode(frames)
                } catch {
                    KernelLog.warning("dropped a message on stdin: \(error)")
                    continue
                }
                guard reply.messageType == "input_reply" else {
                    KernelLog.warning("ignored a \(reply.messageType) on stdin while waiting for input_reply")
                    continue
                }
                guard let value = reply.content["value"]?.stringValue else {
                    throw InputRequestError.malformedReply
                }
                return value
            }
        } catch let error as InputRequestError {
            throw error
        } catch let error as ZMQError {
            throw error.isTerminated ? .kernelStopping : .channelFailed(error.description)
        } catch {
            throw .channelFailed("\(error)")
        }
    }
}

/// Why a cell could not get input.
public enum InputRequestError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The front end said `allow_stdin: false` (nbconvert does, for example).
    case notAllowed
    case interrupted
    case kernelStopping
    case malformedReply
    case channelFailed(String)

    public var description: String {
        switch self {
        case .notAllowed:
            "input was requested, but this front end does not accept input (allow_stdin is false)"
        case .interrupted:
            "input request interrupted"
        case .kernelStopping:
            "the kernel is shutting down"
        case .malformedReply:
            "the front end's input_reply has no text \"value\""
        case .channelFailed(let detail):
            "the stdin channel failed: \(detail)"
        }
    }
}
