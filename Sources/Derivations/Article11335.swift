import Symbolic

extension Articles {
    /// 11335 — a quick estimate of the spectral norm of random matrices (kexue.fm/archives/11335).
    public static let randomMatrixNorm = Derivation(
        11335, title: "A quick estimate of the spectral norm of random matrices", originalTitle: "随机矩阵的谱范数的快速估计", steps: [])
}
