# Writes the fixture table patients.tsv and the rows `ctdna survival` must print for it
# (expected_survival.tsv, expected_km_curves.tsv), with R 4.2.2 and survival 3.5.3:
#   cd Tests/CLITests/Fixtures/survival && Rscript make_expected.R
# The data are survival::lung (228 patients): pfs_days = time, pfs_event = (status == 2) spelled
# in turn as 1/0, TRUE/FALSE, yes/no, Yes/NO, true/false; arm = ph.ecog as ecog0, ecog1, ecog2_3
# (ECOG 2 and 3 merged; the patient without ECOG has arm NA); log2_ratio = log2(meal.cal / 1000)
# stands in for a ctDNA log2 ratio (NA where meal.cal is missing, Inf for P004, the third patient
# with a meal.cal). Two added rows lack a time (".") or an event ("NA") and are left out. Numbers
# are written with 17 significant digits; NA where R has none.
suppressPackageStartupMessages(library(survival))
stopifnot(packageVersion("survival") == "3.5.3")

d <- lung
n <- nrow(d)
event <- d$status == 2
spellings <- list(c("1", "0"), c("TRUE", "FALSE"), c("yes", "no"), c("Yes", "NO"), c("true", "false"))
event_text <- vapply(seq_len(n), function(i) {
  s <- spellings[[(i - 1) %% length(spellings) + 1]]
  if (event[i]) s[1] else s[2]
}, "")
arm <- ifelse(is.na(d$ph.ecog), NA, c("ecog0", "ecog1", "ecog2_3", "ecog2_3")[d$ph.ecog + 1])
covariate <- log2(d$meal.cal / 1000)
infinite <- which(!is.na(covariate))[3]  # a patient with meal.cal, whose value becomes Inf
covariate[infinite] <- Inf
num <- function(x) ifelse(is.na(x), "NA", ifelse(is.infinite(x), ifelse(x > 0, "Inf", "-Inf"), sprintf("%.17g", x)))

table <- data.frame(patient = sprintf("P%03d", seq_len(n)), pfs_days = as.character(d$time),
                    pfs_event = event_text, arm = ifelse(is.na(arm), "NA", arm),
                    log2_ratio = num(covariate), stringsAsFactors = FALSE)
table <- rbind(table,
  data.frame(patient = "X001", pfs_days = ".", pfs_event = "1", arm = "ecog1", log2_ratio = "0.5"),
  data.frame(patient = "X002", pfs_days = "100", pfs_event = "NA", arm = "ecog0", log2_ratio = "-0.5"))
write.table(table, "patients.tsv", sep = "\t", quote = FALSE, row.names = FALSE)

time <- d$time
endpoint <- "pfs"
columns <- c("endpoint", "group", "test", "n", "events", "statistic", "df", "p_value", "p_lr",
             "coefficient", "se", "hazard_ratio", "conf_low", "conf_high", "median", "median_low",
             "median_high")
rows <- list()
add <- function(...) {
  row <- setNames(as.list(rep("NA", length(columns))), columns)
  values <- list(...)
  for (name in names(values)) row[[name]] <- values[[name]]
  rows[[length(rows) + 1]] <<- row
}
curves <- list()

km <- function(label, keep) {
  fit <- survfit(Surv(time[keep], event[keep]) ~ 1)
  tab <- summary(fit)$table
  add(endpoint = endpoint, group = label, test = "km", n = as.character(fit$n),
      events = as.character(sum(fit$n.event)), median = num(tab[["median"]]),
      median_low = num(tab[["0.95LCL"]]), median_high = num(tab[["0.95UCL"]]))
  s <- summary(fit, censored = TRUE)
  curves[[length(curves) + 1]] <<- data.frame(
    endpoint = endpoint, group = label, time = num(s$time), n_risk = s$n.risk, n_event = s$n.event,
    n_censor = s$n.censor, survival = num(s$surv), std_err = num(s$std.err), conf_low = num(s$lower),
    conf_high = num(s$upper), stringsAsFactors = FALSE)
}

levels <- sort(unique(arm[!is.na(arm)]), method = "radix")
km("all", rep(TRUE, n))
for (level in levels) km(level, !is.na(arm) & arm == level)

grouped <- !is.na(arm)
g <- factor(arm[grouped], levels = levels)
lr <- survdiff(Surv(time[grouped], event[grouped]) ~ g)
df <- sum(lr$exp > 0) - 1
add(endpoint = endpoint, group = "all", test = "logrank", n = as.character(sum(grouped)),
    events = as.character(sum(event[grouped])), statistic = num(lr$chisq), df = as.character(df),
    p_value = num(pchisq(lr$chisq, df, lower.tail = FALSE)))

cox_rows <- function(fit, labels) {
  s <- summary(fit)
  for (i in seq_along(labels)) {
    z <- s$coefficients[i, "z"]
    add(endpoint = endpoint, group = labels[i], test = "cox", n = as.character(fit$n),
        events = as.character(fit$nevent), statistic = num(z^2), df = "1",
        p_value = num(s$coefficients[i, "Pr(>|z|)"]), p_lr = num(s$logtest[["pvalue"]]),
        coefficient = num(s$coefficients[i, "coef"]), se = num(s$coefficients[i, "se(coef)"]),
        hazard_ratio = num(s$coefficients[i, "exp(coef)"]), conf_low = num(s$conf.int[i, "lower .95"]),
        conf_high = num(s$conf.int[i, "upper .95"]))
  }
}
cox_rows(coxph(Surv(time[grouped], event[grouped]) ~ g), paste(levels[-1], "vs", levels[1]))
finite <- is.finite(covariate)
x <- covariate[finite]
cox_rows(coxph(Surv(time[finite], event[finite]) ~ x), "log2_ratio")

out <- do.call(rbind, lapply(rows, as.data.frame, stringsAsFactors = FALSE))
write.table(out, "expected_survival.tsv", sep = "\t", quote = FALSE, row.names = FALSE)
write.table(do.call(rbind, curves), "expected_km_curves.tsv", sep = "\t", quote = FALSE, row.names = FALSE)
