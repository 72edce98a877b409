// CtDNAReport module.
