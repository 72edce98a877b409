# Reference values for the CtDNAStats tests, computed by R's own stats::wilcox.test and p.adjust.
# Run from this folder:  Rscript make_fixtures.R
# Writes wilcox_reference.tsv (one test per line) and bh_reference.tsv.
# Every number is printed with 17 significant digits so that it reads back to the same double.

num <- function(v) ifelse(is.na(v), "NA", ifelse(is.infinite(v), ifelse(v > 0, "Inf", "-Inf"), sprintf("%.17g", v)))
joined <- function(v) if (is.null(v)) "" else paste(num(v), collapse = ",")

rows <- list()
add <- function(name, x, y = NULL, paired = FALSE, mu = 0, alternative = "two.sided",
                exact = NULL, correct = TRUE, conf.level = 0.95) {
  kind <- if (is.null(y) || paired) "signed_rank" else "rank_sum"
  result <- suppressWarnings(wilcox.test(x, y, paired = paired, mu = mu, alternative = alternative,
                                         exact = exact, correct = correct, conf.int = TRUE,
                                         conf.level = conf.level))
  method <- if (grepl("exact", result$method)) "exact" else "normal"
  rows[[length(rows) + 1]] <<- data.frame(
    case = name, kind = kind, paired = paired, mu = num(mu), alternative = alternative,
    exact = if (is.null(exact)) "auto" else if (exact) "always" else "never",
    correct = correct, conf_level = num(conf.level),
    statistic = num(unname(result$statistic)), p_value = num(result$p.value), method = method,
    estimate = num(unname(result$estimate)), conf_low = num(result$conf.int[1]),
    conf_high = num(result$conf.int[2]), achieved_conf_level = num(attr(result$conf.int, "conf.level")),
    x = joined(x), y = joined(y), stringsAsFactors = FALSE)
}

# R's help-page example (?wilcox.test): depression scores before (y) and after (x) therapy.
x <- c(1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30)
y <- c(0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29)
for (alt in c("two.sided", "greater", "less")) {
  for (level in c(0.95, 0.8)) {
    add(sprintf("help_example_%s_%g", alt, level), x, y, paired = TRUE, alternative = alt, conf.level = level)
    add(sprintf("help_example_normal_%s_%g", alt, level), x, y, paired = TRUE, alternative = alt,
        exact = FALSE, conf.level = level)
  }
}
add("help_example_normal_no_correction", x, y, paired = TRUE, exact = FALSE, correct = FALSE)
add("help_example_rank_sum", x, y)
add("help_example_rank_sum_greater_0.8", x, y, alternative = "greater", conf.level = 0.8)

# Ties and zeros in the differences force the normal approximation.
add("signed_ties", c(1, 2, 2, 3, -1, 4, 4, 4, 5, -2, 6))
add("signed_ties_exact_asked", c(1, 2, 2, 3, -1, 4, 4, 4, 5, -2, 6), exact = TRUE)
add("signed_zeros_paired", c(1.5, 2.0, 3.1, 0.7, 1.1, 2.2, 0.9), c(1.5, 1.0, 2.0, 0.7, 0.4, 1.9, 1.2), paired = TRUE)
add("signed_zeros_less", c(1.5, 2.0, 3.1, 0.7, 1.1, 2.2, 0.9), c(1.5, 1.0, 2.0, 0.7, 0.4, 1.9, 1.2),
    paired = TRUE, alternative = "less", conf.level = 0.8)
add("signed_mu", c(0.31, 0.42, 0.05, 0.77, 0.64, 0.12, 0.58), mu = 0.3)

# Sample sizes around the exact/normal switch and tiny samples.
set.seed(20240601)
for (n in c(1, 2, 3, 49, 50, 51)) {
  d <- round(rnorm(n, mean = 0.3), 6)
  while (any(duplicated(abs(d))) || any(d == 0)) d <- round(rnorm(n, mean = 0.3), 6)
  add(sprintf("signed_n%d", n), d)
  if (n <= 3) add(sprintf("signed_n%d_greater", n), d, alternative = "greater")
}
d200 <- round(rnorm(200, mean = 0.1), 8)
add("signed_n200_normal", d200)
add("signed_n200_forced_exact", d200, exact = TRUE)
add("signed_n200_forced_exact_less_0.8", d200, exact = TRUE, alternative = "less", conf.level = 0.8)
# Every difference positive: a p-value far below 1e-16 that must come from the upper tail directly.
tiny <- round(seq(0.01, 1.5, length.out = 120) + 0.001 * sin(1:120), 6)
add("signed_tiny_p_two_sided", tiny)
add("signed_tiny_p_greater", tiny, alternative = "greater")
add("signed_tiny_p_less", tiny, alternative = "less")

# Rank-sum tests.
a <- c(0.12, 0.35, 0.08, 0.51, 0.27, 0.44, 0.19)
b <- c(0.02, 0.15, -0.05, 0.09, 0.21, -0.11, 0.04, 0.01, 0.13)
add("rank_sum_no_ties", a, b)
add("rank_sum_no_ties_less_0.8", a, b, alternative = "less", conf.level = 0.8)
add("rank_sum_no_ties_forced_normal", a, b, exact = FALSE)
add("rank_sum_ties", c(1, 2, 2, 3, 5, 5, 7), c(2, 3, 3, 4, 4, 6))
add("rank_sum_ties_greater_uncorrected", c(1, 2, 2, 3, 5, 5, 7), c(2, 3, 3, 4, 4, 6), alternative = "greater", correct = FALSE)
add("rank_sum_unequal", c(3.1, 4.7), c(1.2, 0.4, 2.2, 5.9, 0.3, 1.8, 2.5, 0.9, 1.1, 3.3, 0.2))
add("rank_sum_identical", c(0.5, 1.5, 2.5, 3.5), c(0.5, 1.5, 2.5, 3.5))
g1 <- round(rnorm(60, 0.2), 6); g2 <- round(rnorm(55), 6)
add("rank_sum_large_normal", g1, g2)
add("rank_sum_large_forced_exact", g1, g2, exact = TRUE)

# Groups used by the grouped-analysis test (see GroupedAnalysisTests.swift).
base_a <- c(0.10, 0.20, 0.05, 0.30, 0.15)
follow_a <- c(0.02, 0.11, 0.01, 0.12, 0.16)
base_b <- c(0.20, 0.25, 0.05, 0.40)
follow_b <- c(0.21, 0.35, 0.07, 0.33)
base_c <- c(0.30, 0.12, 0.22)
follow_c <- c(0.10, 0.02, 0.20)
add("group_x_A", follow_a, base_a, paired = TRUE)
add("group_x_B", follow_b, base_b, paired = TRUE)
add("group_x_all", c(follow_a, follow_b), c(base_a, base_b), paired = TRUE)
add("group_y_A", follow_c, base_c, paired = TRUE)
add("group_all_A", c(follow_a, follow_c), c(base_a, base_c), paired = TRUE)
add("group_x_A_vs_B", follow_a - base_a, follow_b - base_b)

reference <- do.call(rbind, rows)
write.table(reference, "wilcox_reference.tsv", sep = "\t", quote = FALSE, row.names = FALSE)

p <- c(0.01, 0.04, NA, 0.03, 0.2, 0.04, 1e-20, 0.9, NaN, 0.0005)
q <- p.adjust(p, method = "BH")
write.table(data.frame(p = num(p), q = num(q)), "bh_reference.tsv", sep = "\t", quote = FALSE, row.names = FALSE)
