import Symbolic

/// The registry of encoded articles. Each article lives in its own file as a static member.
public enum Articles {
    public static var all: [Derivation] { [
            updateRMS, weightRMSConstant, meanFieldBatchSize, muonBatchSize, emaBatchSize, randomMatrixNorm,
            dualGradientDescent, gaussianMaximum, weightRMSDynamic, weightDecayEMA,
        ] }

    /// The step with this ID, if any article has it.
    public static func step(_ id: String) -> (Derivation, Step)? {
        for derivation in all {
            if let step = derivation.steps.first(where: { $0.id == id }) { return (derivation, step) }
        }
        return nil
    }

    public static func derivation(_ number: Int) -> Derivation? { all.first { $0.number == number } }
}
