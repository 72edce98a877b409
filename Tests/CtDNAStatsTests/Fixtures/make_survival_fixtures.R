# Reference values for the survival statistics of CtDNAStats (Kaplan-Meier, log-rank, Cox, chi-square tail),
# computed by R's own survival package: survfit, summary.survfit, quantile.survfit, print.survfit's median,
# survdiff and coxph (ties = "efron", the defaults), and stats::pchisq.
# Made with R 4.2.2 (Debian bookworm r-base-core) and survival 3.5.3 (r-cran-survival).
# Run from this folder:  Rscript make_survival_fixtures.R
# Writes (tab-separated, one header line, numbers with 17 significant digits so that they read back
# to the same double; NA/Inf/-Inf spelled as R spells them):
#   survival_inputs.tsv    one line per case: time, event (0/1), group and covariate lists
#   survival_km.tsv        one line per step of each Kaplan-Meier curve (survfit with defaults)
#   survival_km_median.tsv per curve: print.survfit's median and 95% limits
#   survival_km_quantile.tsv per curve and probability: quantile.survfit's quantile and limits
#   survival_km_at.tsv     per curve and chosen time: summary(fit, times = ..., extend = TRUE)
#   survival_logrank.tsv   one line per group of each survdiff test (case-level numbers repeated)
#   survival_cox.tsv       one line per coefficient of each coxph fit (case-level numbers repeated)
#   survival_chisq.tsv     pchisq(x, df, lower.tail = FALSE) over a grid
# The Swift tests read the inputs from survival_inputs.tsv, so the data live in one place.
suppressPackageStartupMessages(library(survival))
stopifnot(as.character(packageVersion("survival")) == "3.5.3")

num <- function(v) ifelse(is.na(v), "NA", ifelse(is.infinite(v), ifelse(v > 0, "Inf", "-Inf"), sprintf("%.17g", v)))
joined <- function(v) if (is.null(v) || length(v) == 0) "" else paste(if (is.numeric(v)) num(v) else v, collapse = ",")
write_tsv <- function(rows, file) {
  table <- do.call(rbind, rows)
  write.table(table, file, sep = "\t", quote = FALSE, row.names = FALSE, na = "NA")
}

inputs <- list(); km <- list(); med <- list(); quant <- list(); at <- list(); lr <- list(); cox <- list()

add_input <- function(name, time, event, group = NULL, covariates = NULL) {
  inputs[[length(inputs) + 1]] <<- data.frame(
    case = name, time = joined(time), event = joined(as.integer(event)),
    group = if (is.null(group)) "" else joined(as.character(group)),
    # covariate columns separated by ";", values of one column by ","
    covariates = if (is.null(covariates)) "" else paste(apply(as.matrix(covariates), 2, joined), collapse = ";"),
    stringsAsFactors = FALSE)
}

# Kaplan-Meier: survfit(Surv(time, event) ~ 1) with defaults (conf.type = "log", conf.int = 0.95).
add_km <- function(name, time, event, at_times = NULL, probs = c(0.25, 0.5, 0.75)) {
  add_input(name, time, event)
  fit <- survfit(Surv(time, event) ~ 1)
  se_surv <- fit$std.err * fit$surv   # summary.survfit's standard error of S
  km[[length(km) + 1]] <<- data.frame(
    case = name, time = num(fit$time), n_risk = num(fit$n.risk), n_event = num(fit$n.event),
    n_censor = num(fit$n.censor), surv = num(fit$surv), std_err = num(fit$std.err),
    std_err_surv = num(se_surv), lower = num(fit$lower), upper = num(fit$upper), stringsAsFactors = FALSE)
  table <- summary(fit)$table
  med[[length(med) + 1]] <<- data.frame(
    case = name, median = num(table[["median"]]), lower = num(table[["0.95LCL"]]),
    upper = num(table[["0.95UCL"]]), stringsAsFactors = FALSE)
  q <- quantile(fit, probs)
  quant[[length(quant) + 1]] <<- data.frame(
    case = name, p = num(probs), quantile = num(unname(q$quantile)), lower = num(unname(q$lower)),
    upper = num(unname(q$upper)), stringsAsFactors = FALSE)
  if (!is.null(at_times)) {
    s <- summary(fit, times = at_times, extend = TRUE)
    at[[length(at) + 1]] <<- data.frame(
      case = name, at = num(s$time), n_risk = num(s$n.risk), n_event = num(s$n.event),
      surv = num(s$surv), std_err_surv = num(s$std.err), lower = num(s$lower), upper = num(s$upper),
      stringsAsFactors = FALSE)
  }
}

# Log-rank: survdiff(Surv(time, event) ~ group), rho = 0.
add_logrank <- function(name, time, event, group) {
  add_input(name, time, event, group = group)
  group <- factor(as.character(group))
  fit <- survdiff(Surv(time, event) ~ group)
  df <- sum(fit$exp > 0) - 1
  lr[[length(lr) + 1]] <<- data.frame(
    case = name, group = levels(group), n = num(as.vector(fit$n)), observed = num(fit$obs),
    expected = num(fit$exp), chisq = num(fit$chisq), df = num(df),
    p = num(pchisq(fit$chisq, df, lower.tail = FALSE)), stringsAsFactors = FALSE)
}

# Cox: coxph(Surv(time, event) ~ covariates), ties = "efron", eps = 1e-9, iter.max = 20 unless given.
# A factor's dummy columns are made here (treatment coding, first sorted level the reference) and
# stored as covariates, so that the Swift side can be fed either the groups or the same matrix.
add_cox <- function(name, time, event, group = NULL, covariates = NULL, iter.max = 20) {
  if (!is.null(group)) {
    group <- factor(as.character(group))
    x <- model.matrix(~ group)[, -1, drop = FALSE]
    colnames(x) <- levels(group)[-1]
  } else {
    x <- as.matrix(covariates)
    if (is.null(colnames(x))) colnames(x) <- paste0("x", seq_len(ncol(x)))
  }
  add_input(name, time, event, group = group, covariates = x)
  warnings_seen <- character(0)
  fit <- withCallingHandlers(
    coxph(Surv(time, event) ~ x, ties = "efron", control = coxph.control(iter.max = iter.max)),
    warning = function(w) { warnings_seen <<- c(warnings_seen, conditionMessage(w)); invokeRestart("muffleWarning") })
  state <- if (any(grepl("did not converge", warnings_seen))) "iteration_limit" else
    if (any(grepl("may be infinite", warnings_seen))) "monotone_likelihood" else "converged"
  infinite_terms <- if (state == "monotone_likelihood")
    sub(".*variable +([0-9, ]+);.*", "\\1", warnings_seen[grepl("may be infinite", warnings_seen)][1]) else ""
  coef <- unname(fit$coefficients); variance <- fit$var
  wald <- fit$wald.test
  variance_source <- "fit"
  if (state == "iteration_limit" && length(coef) > 1) {
    # survival 3.5.3, having run out of iterations, recomputes the information matrix at the last
    # good estimate and inverts it with chinv2 without factoring it first (coxfit6.c), which gives
    # a wrong variance when there are two or more covariates. The reference for the variance is
    # then R's own information matrix at the reported estimate: coxph(init = coef, iter.max = 0).
    refit <- coxph(Surv(time, event) ~ x, ties = "efron", init = coef, control = coxph.control(iter.max = 0))
    stopifnot(isTRUE(all.equal(unname(refit$coefficients), coef, tolerance = 0)))
    variance <- refit$var
    wald <- sum(solve(variance, coef) * coef)
    variance_source <- "refit_at_estimate"
  }
  se <- sqrt(diag(variance)); z <- coef / se
  zval <- qnorm(0.975); p <- length(coef)
  lrt <- 2 * (fit$loglik[2] - fit$loglik[1])
  cox[[length(cox) + 1]] <<- data.frame(
    case = name, iter_max = iter.max, term = colnames(x), coef = num(coef), se = num(se),
    hazard_ratio = num(exp(coef)), lower = num(exp(coef - zval * se)), upper = num(exp(coef + zval * se)),
    z = num(z), p = num(2 * pnorm(-abs(z))),
    loglik_null = num(fit$loglik[1]), loglik = num(fit$loglik[2]), iterations = fit$iter,
    lr = num(lrt), lr_p = num(pchisq(lrt, p, lower.tail = FALSE)),
    wald = num(wald), wald_p = num(pchisq(wald, p, lower.tail = FALSE)),
    variance_source = variance_source, r_reported_se = num(sqrt(diag(fit$var))),
    r_reported_wald = num(fit$wald.test),
    score = num(fit$score), score_p = num(pchisq(fit$score, p, lower.tail = FALSE)), df = p,
    state = state, infinite_terms = gsub(" ", "", infinite_terms), stringsAsFactors = FALSE)
}

# ---- data --------------------------------------------------------------------------------------
aml <- survival::aml
lung <- survival::lung
lung$event <- as.integer(lung$status == 2)          # lung codes 1 = censored, 2 = dead
maintained <- aml[aml$x == "Maintained", ]
nonmaintained <- aml[aml$x == "Nonmaintained", ]

# A deterministic log2-ratio-like covariate for the lung patients (ctDNA change, centred near -1).
set.seed(20240611)
lung$log2ratio <- round(rnorm(nrow(lung), mean = -1, sd = 1.5), 6)

# ---- Kaplan-Meier ------------------------------------------------------------------------------
add_km("aml_maintained", maintained$time, maintained$status, at_times = c(0, 5, 9, 10, 30, 161, 200))
add_km("aml_nonmaintained", nonmaintained$time, nonmaintained$status, at_times = c(0, 5, 8, 12.5, 45))
add_km("aml_all", aml$time, aml$status, at_times = c(0, 12, 23, 24, 100))
add_km("lung_all", lung$time, lung$event, at_times = c(0, 100, 180, 365, 730, 1000, 1022, 1100))
add_km("lung_female", lung$time[lung$sex == 2], lung$event[lung$sex == 2], at_times = c(0, 365, 500))
# Events and censorings at the same times (the censored count as at risk at that time), tied events.
add_km("ties_event_censor", c(2, 2, 2, 3, 3, 5, 5, 5, 5, 8, 8, 9), c(1, 1, 0, 1, 0, 1, 1, 0, 0, 1, 0, 0),
       at_times = c(1, 2, 2.5, 5, 8, 9, 12))
# Heavy censoring: the curve never reaches 0.5 (median not reached, NA).
add_km("heavy_censoring", c(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), c(0, 1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0),
       at_times = c(0, 6, 12))
# Flat at exactly 0.5 between 2 and 4, then a drop: print's median is the midpoint (2 + 4) / 2.
add_km("flat_half_then_drop", c(1, 2, 3, 4), c(1, 1, 0, 1))
# Flat at exactly 0.5 up to the last time: print's median is 2, quantile.survfit's (2 + 4) / 2.
add_km("flat_half_to_end", c(1, 2, 3, 4), c(1, 1, 0, 0))
# Reaches 0.5 at the third of six events' times, then censoring, then a drop below.
add_km("flat_half_six", c(1, 2, 3, 4, 5, 6), c(1, 1, 1, 0, 1, 0), at_times = c(3, 4.5, 6))
add_km("single_event", 7, 1, at_times = c(0, 7, 8))
add_km("single_censored", 7, 0, at_times = c(0, 7))
add_km("all_events_same_time", c(4, 4, 4, 4, 4), c(1, 1, 1, 1, 1))
add_km("all_censored", c(1, 3, 3, 6), c(0, 0, 0, 0))
add_km("drops_to_zero", c(1, 2, 2, 3, 5, 6), c(1, 0, 1, 1, 1, 1), at_times = c(0, 2, 4, 6))
add_km("zero_time", c(0, 0, 1, 2, 3, 4, 5), c(1, 0, 1, 1, 0, 1, 0))

# ---- log-rank ----------------------------------------------------------------------------------
add_logrank("aml", aml$time, aml$status, as.character(aml$x))
add_logrank("lung_sex", lung$time, lung$event, ifelse(lung$sex == 1, "male", "female"))
ecog <- !is.na(lung$ph.ecog)
# Four groups, one of which (ph.ecog = 3) has a single patient.
add_logrank("lung_ecog_four", lung$time[ecog], lung$event[ecog], paste0("ecog", lung$ph.ecog[ecog]))
ecog3 <- ecog & lung$ph.ecog < 3
add_logrank("lung_ecog_three", lung$time[ecog3], lung$event[ecog3], paste0("ecog", lung$ph.ecog[ecog3]))
add_logrank("no_events_group", c(1, 2, 3, 4, 5, 6, 7, 8), c(1, 1, 0, 1, 0, 0, 0, 0),
            c("a", "a", "a", "a", "b", "b", "b", "b"))
# Group c is censored before the first event: expected 0, dropped from the test (df = 1).
add_logrank("expected_zero_group", c(0.5, 1, 2, 3, 4, 5, 6), c(0, 1, 1, 0, 1, 1, 0),
            c("c", "a", "b", "a", "b", "a", "b"))
add_logrank("ties_three_groups", c(2, 2, 2, 3, 3, 5, 5, 5, 5, 8, 8, 9, 1, 4),
            c(1, 1, 0, 1, 0, 1, 1, 0, 0, 1, 0, 0, 1, 1),
            c("x", "y", "z", "x", "y", "z", "x", "y", "z", "x", "y", "z", "x", "y"))
add_logrank("single_patient_group", c(1, 2, 3, 4, 5, 6, 7), c(1, 0, 1, 1, 0, 1, 1),
            c("a", "a", "a", "b", "b", "b", "solo"))

# ---- Cox ---------------------------------------------------------------------------------------
add_cox("aml_group", aml$time, aml$status, group = as.character(aml$x))
add_cox("lung_sex", lung$time, lung$event, group = ifelse(lung$sex == 1, "male", "female"))
add_cox("lung_ecog_three", lung$time[ecog3], lung$event[ecog3], group = paste0("ecog", lung$ph.ecog[ecog3]))
add_cox("lung_ecog_four", lung$time[ecog], lung$event[ecog], group = paste0("ecog", lung$ph.ecog[ecog]))
add_cox("lung_age", lung$time, lung$event, covariates = cbind(age = lung$age))
add_cox("lung_log2ratio", lung$time, lung$event, covariates = cbind(log2ratio = lung$log2ratio))
add_cox("lung_age_sex", lung$time, lung$event, covariates = cbind(age = lung$age, sex = lung$sex))
add_cox("ties_efron", c(2, 2, 2, 3, 3, 5, 5, 5, 5, 8, 8, 9, 1, 4),
        c(1, 1, 0, 1, 0, 1, 1, 0, 0, 1, 0, 0, 1, 1),
        covariates = cbind(x = c(0.3, -1.2, 0.8, 1.5, -0.4, 2.1, -0.9, 0.1, 1.1, -2.0, 0.6, -0.3, 1.9, -1.4)))
add_cox("aml_log2ratio", aml$time, aml$status,
        covariates = cbind(log2ratio = c(-2.1, -0.3, 0.4, -1.7, 0.9, -0.8, 1.3, -2.6, 0.2, -1.1, 0.7, 1.8,
                                         -0.5, 2.2, -1.4, 0.05, 1.1, -0.2, 0.6, -3.0, 1.6, 0.35, -0.65)))
add_cox("single_patient_group", c(1, 2, 3, 4, 5, 6, 7), c(1, 0, 1, 1, 0, 1, 1),
        group = c("a", "a", "a", "b", "b", "b", "solo"))
# Perfect separation: group b has no events (coefficient runs to -Inf, R warns "may be infinite").
add_cox("separation_no_events", c(1, 2, 3, 4, 5, 6, 7, 8), c(1, 1, 0, 1, 0, 0, 0, 0),
        group = c("a", "a", "a", "a", "b", "b", "b", "b"))
# Perfect separation: every event of group a happens before anyone of group b leaves the risk set
# ... and b has events too, but each of a's events comes first.
add_cox("separation_events_first", c(1, 2, 3, 4, 5, 6, 7, 8), c(1, 1, 1, 1, 1, 0, 1, 0),
        group = c("a", "a", "a", "a", "b", "b", "b", "b"))
# Running out of iterations (iter.max = 2) on an ordinary fit: R's "did not converge" path.
add_cox("iteration_limit", lung$time, lung$event, covariates = cbind(age = lung$age, sex = lung$sex),
        iter.max = 2)

# ---- chi-square upper tail --------------------------------------------------------------------
chisq <- list()
for (df in c(1, 2, 3, 4, 5, 7, 10, 17, 30, 0.5, 2.5, 12.3)) {
  for (x in c(1e-8, 0.001, 0.1, 0.5, 1, 2, 3.84, 5, 10, 20, 50, 100, 300, 700, 1400)) {
    chisq[[length(chisq) + 1]] <- data.frame(df = num(df), x = num(x),
                                             p = num(pchisq(x, df, lower.tail = FALSE)))
  }
}

write_tsv(inputs, "survival_inputs.tsv")
write_tsv(km, "survival_km.tsv")
write_tsv(med, "survival_km_median.tsv")
write_tsv(quant, "survival_km_quantile.tsv")
write_tsv(at, "survival_km_at.tsv")
write_tsv(lr, "survival_logrank.tsv")
write_tsv(cox, "survival_cox.tsv")
write_tsv(chisq, "survival_chisq.tsv")
