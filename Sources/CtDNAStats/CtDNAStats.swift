// CtDNAStats module.
