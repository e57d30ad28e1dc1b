import CZeroMQ

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A Jupyter kernel: binds the five channels of a connection file, serves them on their own
/// threads, and stops on `shutdown_request`, SIGTERM or the death of its parent.
///
/// Threads and what each owns:
/// - heartbeat: its ROUTER socket, echoing (`zmq_proxy` onto itself);
/// - IOPub: the XPUB socket; everyone else publishes through `IOPubPublisher`'s queue;
/// - control: its ROUTER socket; interrupts and shutdown;
/// - shell: its ROUTER socket, the stdin socket and the interpreter;
/// - main: the ZeroMQ context, signals (via a pipe) and the parent watch.
public struct Kernel {
    public struct Options: Sendable {
        /// How long stream text may wait before it is published.
        public var streamFlushInterval: Duration = .milliseconds(50)
        /// How long a socket may keep unsent messages when the kernel stops.
        public var lingerMilliseconds: Int32 = 1000

        public init() {}
    }

    public let connection: ConnectionFile
    public let info: KernelInfo
    public let options: Options

    public init(connection: ConnectionFile, info: KernelInfo, options: Options = Options()) {
        self.connection = connection
        self.info = info
        self.options = options
    }

    /// Binds, serves until stopped, shuts down cleanly, and returns why it stopped.
    /// `makeInterpreter` is called once, on the shell thread.
    public func run(makeInterpreter: @escaping @Sendable () -> any Interpreter) throws(KernelStartError) -> KernelStop.Reason {
        let signals = try SignalPipe.install()
        let stop = try KernelStop()
        let interrupts = KernelInterrupts()
        let publisher = try IOPubPublisher(headers: MessageHeaderFactory())
        let context: ZMQContext
        do {
            context = try ZMQContext()
        } catch {
            throw .zmq(error)
        }
        let threads = try startThreads(
            context: context, publisher: publisher, interrupts: interrupts, stop: stop, makeInterpreter: makeInterpreter)

        let reason = waitForStop(stop: stop, signals: signals, interrupts: interrupts)
        KernelLog.trace("stopping: \(reason)")
        shutDown(context: context, publisher: publisher, interrupts: interrupts, threads: threads)
        return reason
    }

    /// Binds the sockets and starts a thread for each channel, handing each its sockets.
    /// The sockets are locals of this function so that, once it returns, the threads hold
    /// the only references: a thread's sockets close when it ends, and only then can the
    /// context terminate.
    private func startThreads(
        context: ZMQContext, publisher: IOPubPublisher, interrupts: KernelInterrupts, stop: KernelStop,
        makeInterpreter: @escaping @Sendable () -> any Interpreter
    ) throws(KernelStartError) -> [KernelThread] {
        let replayGuard = ReplayGuard()
        let headers = publisher.headers
        func socket(_ type: Int32, for channel: ConnectionFile.Channel) throws(KernelStartError) -> sending ZMQSocket {
            do {
                let socket = try context.socket(type)
                try socket.setOption(ZMQ_LINGER, options.lingerMilliseconds)
                if connection.usesIPv6 { try socket.setOption(ZMQ_IPV6, 1) }
                if type == ZMQ_ROUTER { try socket.setOption(ZMQ_ROUTER_HANDOVER, 1) }
                if type == ZMQ_XPUB {
                    // Every subscription, even a repeated "", reaches us so each subscriber is welcomed.
                    try socket.setOption(ZMQ_XPUB_VERBOSE, 1)
                    // A PUB socket drops what a slow subscriber cannot take once this many
                    // messages wait; ZeroMQ's default of 1000 loses output of bursts (many
                    // display updates, pipelined executes) that a front end would read a moment later.
                    try socket.setOption(ZMQ_SNDHWM, 10000)
                }
                try socket.bind(connection.endpoint(for: channel))
                return socket
            } catch {
                throw .bind(channel: channel.rawValue, error)
            }
        }
        func codec() throws(KernelStartError) -> sending WireCodec {
            do {
                return WireCodec(signer: try MessageSigner(key: connection.key), replayGuard: replayGuard)
            } catch {
                throw .signer(error)
            }
        }

        let heartbeatSocket = try socket(ZMQ_ROUTER, for: .hb)
        let iopubSocket = try socket(ZMQ_XPUB, for: .iopub)
        let controlSocket = try socket(ZMQ_ROUTER, for: .control)
        let shellSocket = try socket(ZMQ_ROUTER, for: .shell)
        let stdinSocket = try socket(ZMQ_ROUTER, for: .stdin)
        let iopubCodec = try codec(), controlCodec = try codec(), shellCodec = try codec(), stdinCodec = try codec()

        var threads: [KernelThread] = []
        do {
            threads.append(try KernelThread(name: "heartbeat") {
                Heartbeat(socket: heartbeatSocket).run()
            })
            let flushInterval = options.streamFlushInterval
            threads.append(try KernelThread(name: "iopub") {
                var loop = IOPubLoop(socket: iopubSocket, codec: iopubCodec, publisher: publisher, flushInterval: flushInterval)
                loop.run()
            })
            publisher.publishStatus("starting", parent: nil)
            let info = self.info
            threads.append(try KernelThread(name: "control") {
                let channel = RequestChannel(name: "control", socket: controlSocket, codec: controlCodec, publisher: publisher)
                ControlChannel(channel: channel, info: info, interrupts: interrupts, stop: stop).run()
            })
            let connection = self.connection
            threads.append(try KernelThread(name: "shell") {
                let started = ContinuousClock.now
                let interpreter = makeInterpreter()
                KernelLog.trace("interpreter ready in \(ContinuousClock.now - started)")
                interrupts.install(interpreter.interruptHandle)
                let channel = RequestChannel(name: "shell", socket: shellSocket, codec: shellCodec, publisher: publisher)
                let stdin = StdinChannel(socket: stdinSocket, codec: stdinCodec, headers: headers, interrupts: interrupts)
                ShellChannel(
                    channel: channel, stdin: stdin, interpreter: interpreter, info: info, connection: connection, stop: stop
                ).run()
            })
        } catch {
            throw .thread(error)
        }
        return threads
    }

    /// The main thread's loop: signals, stop requests, and a parent check every second.
    private func waitForStop(stop: KernelStop, signals: Int32, interrupts: KernelInterrupts) -> KernelStop.Reason {
        let parent = ParentWatch()
        var watched = [
            pollfd(fd: stop.descriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: signals, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            _ = poll(&watched, nfds_t(watched.count), 1000)
            for signal in SignalPipe.drain(signals) {
                if signal == SIGINT {
                    KernelLog.trace("SIGINT: interrupting")
                    interrupts.interrupt()
                } else if signal == SIGTERM {
                    stop.request(.terminated)
                }
            }
            if let parent, parent.parentExited { stop.request(.parentExited(pid: parent.pid)) }
            if let reason = stop.requested { return reason }
        }
    }

    /// Stops the running cell, sends what IOPub still holds, makes every thread's blocking
    /// call return, and waits (bounded) for queued replies to leave.
    private func shutDown(context: ZMQContext, publisher: IOPubPublisher, interrupts: KernelInterrupts, threads: [KernelThread]) {
        interrupts.interrupt()
        publisher.finish(timeout: .seconds(1))
        context.shutdown()
        let deadline = ContinuousClock.now + .seconds(2)
        while threads.contains(where: { !$0.isFinished }) && ContinuousClock.now < deadline {
            usleep(2000)
        }
        if let stuck = threads.first(where: { !$0.isFinished }) {
            // A cell that ignores interrupts still holds the shell socket; terminating the
            // context would wait for it for ever. Give the I/O thread a moment instead.
            KernelLog.warning("the \(stuck.name) thread did not stop; exiting without waiting for it")
            usleep(100_000)
        } else {
            context.terminate()
        }
    }
}
