import Symbolic

extension Articles {
    /// 11388 — Steepest descent on manifolds (5): dual gradient descent (kexue.fm/archives/11388).
    public static let dualGradientDescent = Derivation(
        11388, title: "Steepest descent on manifolds (5): dual gradient descent", originalTitle: "流形上的最速下降：5. 对偶梯度下降", steps: [])
}
