// CtDNAIO module.
