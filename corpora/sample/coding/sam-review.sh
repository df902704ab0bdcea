# Supervisor sam's review of both coders (run by scripts/run-sample.sh).
#
# Sam read the codings source by source with `casebook review next` and
# `casebook disagreements --coders ana,ben`. He rejects, with a reason, the codings that
# break the codebook or the team conventions (README.md, "Coding conventions"),
# including a few of ana's accepted suggestions that contradict her own decisions
# elsewhere, and accepts the rest. Codings are picked by source, coder, code and a quote.
# Where ana and ben disagree on a sub-code or a dimension value and both readings are
# defensible, both codings stay: the disagreement is part of the agreement statistics.
# ---- ben: codings that break the team conventions ------------------------------------
sam review reject --source Doc-1 --coder ben --code expost.retained.housing --match "existing liaison arrangements between benefits and housing officers" --reason "salience is judged over the life of the partnership: a dependency rated low at design and central later is rising (codebook, salience), as ana coded it"
sam review reject --source Doc-24 --coder ben --code expost.veto --match "a change of control at Coldharbour in 2014" --reason "a change of political control is an event outside the framework (an inductive code), not a veto created by sharing; single-source claim (Doc-24)"
sam review reject --source Int-2 --coder ben --code strategy.routinisation --match "We set up a priority flag for temporary accommodation cases in 2012." --reason "a flag the host's officer doubts was used and Int-1 and Doc-4 say did not work: not working coordination; the dispute stays in the memo of the housing coding"
sam review reject --source Int-2 --coder ben --code strategy.governance --match "Lead authority model, not a joint committee." --reason "hindsight advice (what he would do again), not a strategy the partners adopted or proposed"
sam review reject --source Int-20 --coder ben --code strategy.governance --match "offering to provide our service under a lead authority agreement" --reason "an offer Fennick's Cabinet turned down: refused strategies are noted, not coded (team convention)"
sam review reject --source Doc-6 --coder ben --code strategy.routinisation --match "a protocol will be agreed before go-live" --reason "the TA protocol lapsed (Doc-7 3.1, Doc-8, Int-9): a lapsed routine is coded for the dependency, not as routinisation (team convention)"
sam review reject --source Doc-7 --coder ben --code strategy.routinisation --match "has not been updated since" --reason "reports the protocol lapsing, i.e. coordination failing: coded for the dependency, not as routinisation (team convention)"
sam review reject --source Doc-12 --coder ben --code exante.resilience --match "the biggest single benefit had been resilience" --reason "an achieved result reported at closure, not the rationale (codebook exclusion for exante)"
sam review reject --source Doc-20 --coder ben --code exante.expertise --match "we now have our own trained fraud investigators" --reason "an achieved result in an annual report, not the rationale (codebook exclusion for exante)"
sam review reject --source Doc-15 --coder ben --code strategy.governance --match "we had bent over backwards on governance" --reason "a leader's claim about the negotiations; no change to governance is described"
sam review reject --source Int-12 --coder ben --code expost --match "anticipating rows that hadn't happened yet" --reason "no salience values for the anticipated dependencies of aborted projects (team convention); the passage is otherwise coded expost.standardisation by ana"
# ---- ana: decisions that are inconsistent with her own -------------------------------
sam review reject --source Doc-4 --coder ana --code exante --match "Savings have been achieved" --reason "an achieved result, not the rationale (codebook exclusion); ana rejected the same kind of passage in Doc-7 2.1"
sam review reject --source Doc-14 --coder ana --code exante.resilience --match "to improve the resilience of the council's own revenues and benefits service" --reason "the in-house fallback after the project was dropped, not a reason to share"
sam review reject --source Int-20 --coder ana --code expost.retained.housing --match "our housing team could walk across the corridor again" --reason "what Fennick regained by leaving: no partnership dependency (ana rejected the same at Int-8 para 31)"
sam review reject --source FG-1 --coder ana --code expost.queuing --match "Agreed the hard things at the start." --reason "hindsight advice; ana rejected such passages elsewhere (Int-2, Int-12, Int-13)"
# ---- everything else is accepted ----------------------------------------------------
sam review accept --all --note "reviewed against the codebook and the team conventions (coding/README.md)"
