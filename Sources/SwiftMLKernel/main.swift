import Eval
import KernelProtocol
print("swiftml-kernel: not built yet (protocol \(KernelProtocolVersion.current))")
