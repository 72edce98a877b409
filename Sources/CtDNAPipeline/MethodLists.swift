import CtDNACore
import CtDNAIO
import CtDNAModel

/// Where the method's lists come from: the bundled defaults, or files the user names.
public struct MethodLists: Sendable, Equatable {
    /// Where a variant-level CH or artifact list comes from.
    public enum VariantListSource: Sendable, Equatable {
        /// No variant-level list (the default).
        case off
        /// The bundled Bick 2020 + Bolton 2020 putative CH drivers.
        case bundled
        /// A list file.
        case file(String)
    }

    /// Which genes a variant-level list applies to.
    public enum GeneScope: Sendable, Equatable {
        /// The bundled list: the CH genes of the run (so that a tumour driver such as TP53 R273H
        /// or KRAS G12D, which the list also holds as a CH variant, is not removed unasked); a
        /// list file: every gene.
        case automatic
        /// Every gene.
        case all
        /// These genes (any letter case).
        case listed([String])
    }

    /// A gene list replacing the bundled CH genes, or `nil` for the bundled list.
    public var chGenes: String?
    /// A gene list added to the CH genes.
    public var extraCHGenes: String?
    /// The variant-level list.
    public var chVariants: VariantListSource
    /// The genes the variant-level list applies to.
    public var chVariantGenes: GeneScope
    /// A manual drop list of (patient, mutation) pairs.
    public var dropList: String?

    /// Creates the choice of lists; by default the bundled CH genes and nothing else.
    public init(
        chGenes: String? = nil, extraCHGenes: String? = nil, chVariants: VariantListSource = .off,
        chVariantGenes: GeneScope = .automatic, dropList: String? = nil
    ) {
        self.chGenes = chGenes
        self.extraCHGenes = extraCHGenes
        self.chVariants = chVariants
        self.chVariantGenes = chVariantGenes
        self.dropList = dropList
    }

    /// The method's parameters with the lists loaded into them.
    /// - Parameter numbers: The numeric parameters (their lists are replaced).
    /// - Throws: `SystemError` or `InputError` naming a list file that cannot be read or parsed.
    public func load(into numbers: MethodParameters) throws -> MethodParameters {
        var parameters = numbers
        parameters.chGenes = try chGenes.map(ListFiles.geneList(path:)) ?? BundledResources.chGenes()
        if let extraCHGenes { parameters.chGenes.formUnion(try ListFiles.geneList(path: extraCHGenes)) }
        switch chVariants {
        case .off: parameters.chVariants = nil
        case .bundled: parameters.chVariants = try BundledResources.chVariantList()
        case let .file(path): parameters.chVariants = try ListFiles.chVariantList(path: path)
        }
        if let list = parameters.chVariants {
            switch (chVariantGenes, chVariants) {
            case (.all, _), (.automatic, .file): break
            case (.automatic, _): parameters.chVariants = list.restricted(toGenes: parameters.chGenes)
            case let (.listed(genes), _):
                parameters.chVariants = list.restricted(toGenes: Set(genes.map { CellText.trimmed($0).uppercased() }))
            }
        }
        parameters.dropList = try dropList.map(ListFiles.dropList(path:)) ?? DropList()
        return parameters
    }

    /// The list files the user named, with their roles, for the report's inputs.
    public var files: [(role: String, path: String)] {
        var variantFile: String?
        if case let .file(path) = chVariants { variantFile = path }
        return [("ch_genes", chGenes), ("extra_ch_genes", extraCHGenes), ("ch_variants", variantFile), ("drop_list", dropList)]
            .compactMap { role, path in path.map { (role, $0) } }
    }
}
