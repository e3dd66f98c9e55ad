// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "DerivationChecker",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Symbolic", targets: ["Symbolic"]),
        .library(name: "Derivations", targets: ["Derivations"]),
        .executable(name: "derive", targets: ["derive"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-numerics.git", from: "1.1.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CMPFR",
            pkgConfig: "mpfr",
            providers: [.apt(["libmpfr-dev", "libgmp-dev"])]
        ),
        .target(
            name: "Symbolic",
            dependencies: [
                "CMPFR",
                .product(name: "RealModule", package: "swift-numerics"),
            ]
        ),
        .target(name: "Derivations", dependencies: ["Symbolic"]),
        .executableTarget(
            name: "derive",
            dependencies: [
                "Symbolic", "Derivations",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks are programs, built only when asked for (`make bench`); they live under benchmarks/.
        .executableTarget(name: "SumBenchmark", dependencies: ["Symbolic"], path: "benchmarks/SumBenchmark"),
        .executableTarget(name: "ZMaxBenchmark", dependencies: ["Symbolic", "Derivations"], path: "benchmarks/ZMaxBenchmark"),
        .testTarget(
            name: "SymbolicTests",
            dependencies: [
                "Symbolic",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "DerivationsTests",
            dependencies: ["Derivations", "Symbolic", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
