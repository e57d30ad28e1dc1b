/// What can stop `fit`, `evaluate` or `predict`; each description says what happened and
/// what to try.
public enum TrainingError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The loss of a batch was NaN or infinite (epochs and batches 1-based, as displayed).
    case nonFiniteLoss(epoch: Int, epochs: Int, batch: Int, batches: Int, value: Double)
    /// `evaluate` or `predict` was interrupted.
    case interrupted
    case invalidArgument(String)

    public var description: String {
        switch self {
        case let .nonFiniteLoss(epoch, epochs, batch, batches, value):
            let what = value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf")
            return "the loss became \(what) at epoch \(epoch)/\(epochs), batch \(batch)/\(batches); training stopped with the weights from before that batch. Try a smaller learning rate, scaling the inputs (e.g. pixels / 255), or checking the data for nan or inf values."
        case .interrupted:
            return "interrupted"
        case let .invalidArgument(message):
            return message
        }
    }
}
