// CtDNACore module.
