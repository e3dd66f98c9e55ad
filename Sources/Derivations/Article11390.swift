import Symbolic

extension Articles {
    /// 11390 — the expected maximum of n standard normals (kexue.fm/archives/11390).
    public static let gaussianMaximum = Derivation(
        11390, title: "The expected maximum of n Gaussians", originalTitle: "n个正态随机数的最大值的渐近估计", steps: [])
}
