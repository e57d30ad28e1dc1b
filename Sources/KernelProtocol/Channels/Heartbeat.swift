import CZeroMQ

/// The heartbeat: echoes every message straight back, on its own thread, so that a busy
/// shell never looks like a dead kernel.
struct Heartbeat {
    let socket: ZMQSocket

    func run() {
        // A ROUTER proxied onto itself returns each message to the identity that sent it.
        zmq_proxy(socket.handle, socket.handle, nil)
    }
}
