# Coder ben's independent coding (run by scripts/run-sample.sh).
#
# Ben did not see ana's suggestions. He read every source and coded the passages that
# show a code, each on an exact quote (`--match`), with the dimension values the quote
# supports, following the same team conventions as ana (README.md, "Coding
# conventions"). He codes less of the routine ex-ante material than ana and more of
# the interview answers her keyword queries missed; where the two differ in sub-code
# or dimension value, `casebook agree` and `casebook disagreements` show it. A few of
# his codings break the team conventions; supervisor sam rejects them in
# sam-review.sh.

# ==== Case A ====
ben code Doc-1 --match "A combined caseload of roughly 21,000 benefit claims and 138,000 council tax accounts would allow one management team" exante.scale --dim strength=moderate
ben code Doc-1 --match "None of the councils can justify a full-time subsidy specialist, a fraud investigator or a dedicated business rates valuation officer on its own." exante.expertise --dim strength=moderate
ben code Doc-1 --match "Dependence of housing teams on timely benefit decisions for temporary accommodation placements." expost.retained.housing --dim salience=rising
ben code Doc-1 --match "The project board considers that existing liaison arrangements between benefits and housing officers will carry over to the shared service without change." expost.retained.housing --dim salience=low --memo "the business case rated the housing risk low"
ben code Doc-2 --match "requires the agreement of all three councils' representatives" expost.veto
ben code Doc-2 --match "for Fennick the main attraction was resilience" exante.resilience
ben code Doc-2 --match "Cllr. Stubbs asked whether the partnership would be able to respond to Coldharbour's own priorities" expost.queuing
ben code Doc-3 --match "because the same incorrect procedure had been applied by the shared team to every council's caseload" expost.penalties --dim strength=strong --dim direction=negative --dim predictability=unpredictable --dim salience=rising
ben code Doc-3 --match "his council was now being penalised for an error made by a team it did not manage" expost.penalties --dim strength=strong --dim direction=negative --dim salience=high
ben code Doc-3 --match "could not now adopt Marsh Vale's 15%" expost.standardisation --dim strength=strong --dim direction=negative --dim salience=high
ben code Doc-3 --match "requests to that team were often not answered within the five-day target" expost.retained.housing --dim strength=strong --dim direction=negative --dim salience=rising
ben code Doc-3 --match "the decision could not be taken without them" expost.veto --dim strength=moderate --dim direction=negative
ben code Doc-4 --match "Since 2012 the council has lost £310,000 of housing benefit subsidy through errors made in the shared service" expost.penalties --dim strength=strong --dim direction=negative --dim salience=high
ben code Doc-4 --match "urgent cases wait in the same queue as routine work from the other two councils" expost.queuing --dim strength=strong --dim direction=negative --dim salience=rising
ben code Doc-4 --match "The review counted eleven items since 2011 deferred at least once because one partner’s Cabinet had not yet agreed." expost.veto --dim strength=strong --dim direction=negative --dim predictability=unpredictable --dim salience=high
ben code Doc-4 --match "The shared service advised that a fourth set of procedures would add cost for all partners, and the change was not made." expost.standardisation --dim strength=strong --dim direction=negative --dim salience=high
ben code Doc-4 --match "Coldharbour’s customer services team cannot see the status of a benefit claim without telephoning the shared service" expost.retained.it --dim strength=strong
ben code Doc-4 --match "in penalties it cannot control, decisions it cannot take alone and housing cases it cannot prioritise" expost --dim strength=strong --dim direction=negative --dim salience=high
ben code Doc-5 --match "its homeless families queued for benefit decisions behind routine work from the other two councils" expost.queuing --dim strength=strong --dim direction=negative --dim salience=high
ben code Doc-5 --match "three vetoes and no steering wheel" expost.veto --dim strength=strong --dim direction=negative --dim salience=high
ben code Doc-5 --match "What nobody told us was how much of our time would go on arguing about things we used to decide on our own." expost.veto --dim salience=rising
ben code Doc-24 --match "who pays when the shared team gets something wrong, whose homeless families come first in the queue, and who decides on new IT" expost.queuing
ben code Doc-24 --match "pointing to a change of control at Coldharbour in 2014" expost.veto
ben code Int-1 --match "If two went off sick at annual billing time you were in trouble." exante.resilience
ben code Int-1 --match "nobody had thought about everything that was still joined up to it" expost.retained.housing --dim strength=strong --dim predictability=unpredictable --dim salience=rising
ben code Int-1 --match "After, it went into a queue in Marsh Vale with everyone else's work" expost.queuing --dim strength=strong --dim direction=negative
ben code Int-1 --match "equal treatment meant our urgent cases queued behind Fennick's routine changes of circumstances" expost.queuing --dim strength=strong --dim direction=negative
ben code Int-1 --match "So we carried the penalty for a mistake made by staff we didn't employ, under procedures we didn't write." expost.penalties --dim strength=strong --dim direction=negative --dim predictability=unpredictable --dim salience=rising
ben code Int-1 --match "If you wanted anything changed you needed two other cabinets to agree, and they met on different cycles." expost.veto --dim strength=strong --dim direction=negative --dim predictability=unpredictable
ben code Int-1 --match "we were told it would be a fourth set of procedures and it would cost the others money" expost.standardisation --dim strength=strong --dim direction=negative
ben code Int-1 --match "It wasn't about the money. The shared service was cheaper, I always said that. It was about control." expost --dim strength=strong --dim salience=high
ben code Int-2 --match "Fennick in particular was one bad winter away from a backlog" exante.resilience
ben code Int-2 --match "What changed is that the loss was suddenly visible and there was someone else to blame." expost.penalties --dim salience=rising --memo "disputes Coldharbour's 'nine clean years' (Doc-3)"
ben code Int-2 --match "If you run one process you get one set of results, good or bad." strategy.standardisation
ben code Int-2 --match "Unanimity on everything was a mistake" expost.veto --dim strength=strong --dim direction=negative
ben code Int-2 --match "We set up a priority flag for temporary accommodation cases in 2012." strategy.routinisation
ben code Int-2 --match "Lead authority model, not a joint committee." strategy.governance
ben code Int-20 --match "So resilience was the reason." exante.resilience
ben code Int-20 --match "we had no way of getting it back and no say over the procedure that caused it" expost.penalties --dim strength=strong --dim direction=negative --dim predictability=unpredictable --dim salience=rising
ben code Int-20 --match "Every autumn, the same fight." expost.standardisation --dim strength=strong --dim direction=negative --dim "predictability=partly predictable" --dim salience=high
ben code Int-20 --match "It's not pretty, but we had a veto and we used it the same way everybody else did." expost.veto --dim strength=strong --dim direction=negative
ben code Int-20 --match "would have been two-way instead of three-way" expost --dim strength=strong --dim direction=negative
ben code Int-20 --match "there was nothing we could do but wait for another partner's Cabinet cycle" expost.investment --dim strength=moderate --dim direction=negative
ben code Int-20 --match "offering to provide our service under a lead authority agreement" strategy.governance --memo "an offer to Fennick in December 2015 (only here)"
ben code Int-20 --match "our housing officers did complain that they'd lost the person down the corridor" expost.retained.housing --dim strength=moderate
ben code Int-20 --match "What nobody designed was how three councils would decide things together once none of them could decide alone." expost.veto --dim salience=rising

# ==== Case B ====
ben code Doc-6 --match "its supplier has announced that the product will not be developed further" exante.technology --dim strength=moderate
ben code Doc-6 --match "Ashby Wold will act as lead authority" strategy.governance
ben code Doc-6 --match "and for its housing benefit subsidy claim" expost.penalties
ben code Doc-6 --match "a protocol will be agreed before go-live" strategy.routinisation
ben code Doc-7 --match "Processing of new housing benefit claims for Stainmoor residents has deteriorated from 19 days in 2013/14 to 31 days in 2015/16" expost.queuing --dim strength=strong --dim direction=negative --dim salience=high
ben code Doc-7 --match "have been queuing for the same small group of experienced assessors as all other work" expost.queuing --dim strength=strong --dim direction=negative --dim predictability=unpredictable
ben code Doc-7 --match "The temporary accommodation protocol agreed in 2010 has not been updated since." strategy.routinisation
ben code Doc-7 --match "Stainmoor would pay £187,000 of this for a change it did not ask for" expost.investment --dim strength=strong --dim direction=negative --dim salience=high
ben code Doc-7 --match "has required negotiation with Ashby Wold and a share of development costs" expost.retained.it --dim strength=moderate --dim direction=negative --dim predictability=unpredictable
ben code Doc-7 --match "the shared service now charges an additional £22,000 a year to administer a separate scheme" expost.standardisation --dim strength=moderate --dim direction=negative --dim salience=high
ben code Doc-7 --match "Ashby Wold declined a request to share the loss" expost.penalties --dim strength=strong --dim direction=negative --dim predictability=unpredictable --dim salience=high
ben code Doc-7 --match "four were deferred three times or more while Ashby Wold consulted its own Cabinet" expost.veto --dim strength=strong --dim direction=negative --dim salience=high
ben code Doc-8 --match "14 of our TA claims are sitting in the general queue, oldest is 5 weeks." expost.queuing --dim strength=strong --dim direction=negative --dim predictability=unpredictable --dim salience=high
ben code Doc-8 --match "the Board hasn't changed anything in 18 months because Ashby Wold won't agree to anything that costs them" expost.veto --dim strength=strong --dim direction=negative
ben code Int-3 --match "You'd have been mad to say no, honestly." exante
ben code Int-3 --match "The benefit claims were processed in Ashby but the homeless families were in Stainmoor." expost.retained.housing --dim strength=strong --dim direction=negative --dim salience=high
ben code Int-3 --match "Which meant in practice Ashby came first" expost.queuing --dim strength=strong --dim direction=negative
ben code Int-3 --match "Our processing times went up and theirs didn't" expost.queuing
ben code Int-3 --match "On paper we had a veto on investment; in practice it was worthless." expost.veto --dim strength=strong --dim direction=negative
ben code Int-3 --match "With a lead authority the host has all the levers." strategy.governance
ben code Int-3 --match "So we got charged extra for being different." expost.standardisation --dim strength=moderate --dim direction=negative
ben code Int-9 --match "oldest first isn't the same as most urgent" expost.queuing
ben code Int-9 --match "Unflagged, they just went into the general queue with everything else." expost.queuing
ben code Int-9 --match "the protocol we agreed in 2010 depended on Stainmoor's housing team flagging those cases when they came in" expost.retained.housing
ben code Int-9 --match "Either way both councils had to move together, because it's one system" expost.investment --dim strength=strong
ben code Int-9 --match "It's the cost of running two schemes." expost.standardisation
ben code Int-9 --match "we should have just paid half" expost.penalties --dim strength=strong --dim direction=negative --dim salience=rising
ben code Int-9 --match "A quarterly Board is too slow for the operational stuff and too small for the political stuff." expost.veto --dim strength=moderate
ben code Int-9 --match "And it wasn't predictable. You'd have a quiet month and then three things landing at once." expost --dim strength=strong --dim predictability=unpredictable
ben code Int-9 --match "because the management time was eating the fee" expost --dim strength=strong --memo "Ashby Wold costed giving notice in 2015 (only here)"

# ==== Case C ====
ben code Doc-10 --match "the single council tax reduction scheme imposed in 2016" expost.standardisation --dim strength=strong --dim direction=negative --dim salience=high
ben code Doc-10 --match "Kettlebury, as host, had in effect held a veto over every operational change" expost.veto --dim strength=strong --dim direction=negative --dim salience=high
ben code Doc-10 --match "specified around Kettlebury's housing software and had never worked properly with Dunmere's" expost.investment --dim strength=strong --dim direction=negative
ben code Doc-10 --match "Dunmere's cases had queued behind that work for most of the year" expost.queuing --dim strength=strong --dim direction=negative --dim salience=rising
ben code Doc-10 --match "had been borne by Dunmere alone, as the agreement required" expost.penalties --dim strength=strong --dim direction=negative --dim predictability=unpredictable
ben code Doc-10 --match "harder and slower than anyone predicted in 2006" expost --dim strength=strong --dim predictability=unpredictable --dim salience=rising
ben code Doc-25 --match "In 2013 the joint committee agreed that Kettlebury should employ the staff and host the service, to simplify management." strategy.governance
ben code Doc-25 --match "assessors were moved onto Kettlebury’s backlog for most of the year" expost.queuing --dim strength=strong --dim direction=negative --dim salience=high
ben code Doc-25 --match "Dunmere bore the whole £64,000 loss on its 2016/17 claim although it neither employed nor managed the staff involved." expost.penalties --dim strength=strong --dim direction=negative --dim predictability=unpredictable --dim salience=high
ben code Doc-25 --match "on pain of a surcharge of £38,000 a year for administering a separate scheme" expost.standardisation --dim strength=strong --dim direction=negative --dim salience=high
ben code Doc-25 --match "Dunmere’s housing software is incompatible with it" expost.investment --dim strength=strong --dim direction=negative
ben code Doc-25 --match "The review found five Dunmere requests since 2015 that waited more than four months for a decision" expost.veto --dim strength=strong --dim direction=negative
ben code Doc-25 --match "Monthly reconciliation of council tax income to Dunmere’s ledger has needed manual correction in nine of the last twelve months." expost.retained.finance --dim strength=moderate
ben code Doc-25 --match "Kettlebury could not agree to shared subsidy losses or to opt-outs" expost.penalties --dim strength=strong --dim direction=negative
ben code Doc-25 --match "the council can no longer control the priorities, policies, investments or risks of a service for which it remains accountable to its residents" expost --dim strength=strong --dim direction=negative --dim salience=high
ben code Doc-26 --match "there is one set of hands for three go-lives" expost.queuing --dim strength=moderate --dim direction=negative
ben code Doc-26 --match "Dunmere went to the back of the queue" expost.queuing --dim strength=strong --dim direction=negative --dim salience=high
ben code Doc-26 --match "although Dunmere would not use the portal after 31 March 2019" expost.investment --dim strength=strong --dim direction=negative
ben code Doc-26 --match "He said the error had been made by staff Dunmere did not manage, using procedures it had not written." expost.penalties --dim strength=strong --dim direction=negative --dim salience=high
ben code Doc-26 --match "the committee had spent its time on disputes between the councils rather than on the service" expost.veto --dim strength=strong --dim salience=high
ben code Int-7 --match "None of us was big enough on our own." exante.scale
ben code Int-7 --match "the joint committee couldn't agree a budget" expost.veto --dim strength=strong --dim salience=rising
ben code Int-7 --match "It was because the committee had seized up." strategy.governance
ben code Int-7 --match "if our Cabinet cycle didn't suit, their item just waited" expost.veto --dim strength=strong --dim direction=negative
ben code Int-7 --match "It always gets told as Kettlebury imposing our scheme on them." expost.standardisation
ben code Int-7 --match "That was the bit nobody planned for." expost.retained.housing --dim predictability=unpredictable --dim salience=rising
ben code Int-7 --match "But it was eight weeks, ten at most." expost.queuing --dim strength=moderate --dim direction=negative
ben code Int-7 --match "You end up setting priorities by who's in the room." expost.queuing --dim direction=negative
ben code Int-7 --match "And really Dunmere couldn't refuse the portal." expost.investment --dim strength=strong --dim direction=negative
ben code Int-7 --match "Every subsidy error became an argument about whose fault it was rather than how you fix it." expost.penalties --dim strength=strong --dim direction=negative --dim predictability=unpredictable
ben code Int-7 --match "You couldn't write a procedure for it because it was different every time." expost --dim strength=strong --dim predictability=unpredictable --dim salience=rising
ben code Int-7 --match "We decided none of that up front, so we decided it every time, case by case, and every case was a fight." expost.queuing --dim direction=negative --dim predictability=unpredictable
ben code Int-8 --match "one long-term sickness and the billing run was at risk" exante.resilience
ben code Int-8 --match "anything we wanted had to wait for a Kettlebury sign off" expost.veto --dim strength=strong --dim direction=negative
ben code Int-8 --match "Five months, for something we'd have done in a fortnight on our own." expost.veto --dim strength=strong --dim direction=negative
ben code Int-8 --match "it's a fine for having a local scheme" expost.standardisation --dim strength=strong --dim direction=negative --dim salience=high
ben code Int-8 --match "It was Kettlebury's scheme and we were told to align with it." expost.standardisation --dim direction=negative --memo "contradicts Int-7 on who asked for the single scheme"
ben code Int-8 --match "Our housing officers were rekeying information from screenshots." expost.retained.housing --dim strength=strong --dim direction=negative
ben code Int-8 --match "You can't opt out of half a shared system." expost.investment --dim strength=strong --dim direction=negative
ben code Int-8 --match "It ran from about April to Christmas." expost.queuing --dim strength=strong --dim direction=negative
ben code Int-8 --match "We were carrying a penalty for mistakes made by staff we didn't employ, under procedures we didn't set." expost.penalties --dim strength=strong --dim direction=negative --dim predictability=unpredictable --dim salience=rising
ben code FG-1 --match "For Pennock Vale it was resilience." exante.resilience
ben code FG-1 --match "we'd never had a proper recovery team, or anyone who really understood subsidy" exante.expertise
ben code FG-1 --match "a change to the recovery letters that took the best part of a year" expost.veto --dim strength=strong
ben code FG-1 --match "By 2012 half the joint committee's agenda was deferred items." expost.veto --dim strength=strong
ben code FG-1 --match "It just moved into one council." expost.veto --dim strength=strong --dim direction=negative
ben code FG-1 --match "because the alternative was paying to be different" expost.standardisation --dim strength=strong --dim direction=negative --dim salience=high
ben code FG-1 --match "The specification was written around Kettlebury's housing software" expost.investment --dim strength=strong --dim direction=negative
ben code FG-1 --match "Dunmere's housing officers couldn't see where a claim had got to without ringing the partnership" expost.retained.housing --dim strength=strong --dim direction=negative
ben code FG-1 --match "Every fault went through our helpdesk." expost.retained.it --dim strength=moderate
ben code FG-1 --match "The things that went wrong were the ones that weren't routine." expost.retained.finance --dim "predictability=partly predictable"
ben code FG-1 --match "Nothing about housing, nothing about who pays for errors." expost --dim salience=rising
ben code FG-1 --match "suddenly members in all three councils were reading the partnership reports line by line" expost --dim predictability=unpredictable --dim salience=rising
ben code FG-1 --match "every small thing becomes a question of who won and who lost" expost --dim direction=negative --dim salience=high
ben code FG-1 --match "It ran from the spring to Christmas for us." expost.queuing --dim strength=strong --dim direction=negative
ben code FG-1 --match "You can't complain about the queue when you were the one who jumped it the month before." expost.queuing --dim direction=negative
ben code FG-1 --match "It was the partnership manager's judgement" expost.queuing --dim predictability=unpredictable
ben code FG-1 --match "So we paid for the mistake, and we'd had no say over the procedure that caused it." expost.penalties --dim strength=strong --dim direction=negative --dim salience=rising
ben code FG-1 --match "Our members asked for it to be deferred and it went ahead anyway." expost.veto --dim strength=strong --dim direction=negative
ben code FG-1 --match "by the time it mattered there wasn't the goodwill left to write it" expost --dim salience=rising
ben code FG-1 --match "after 2013 we couldn't stop our own cash office closing" expost.veto --dim strength=strong --dim direction=negative

# ==== Case D ====
ben code Doc-11 --match "can be handled within a single management line rather than between separate organisations" strategy.internalisation
ben code Doc-11 --match "economies of scale in management and systems" exante.scale --dim strength=moderate
ben code Doc-11 --match "both councils adopt a common council tax discount and recovery policy from the same date" strategy.standardisation
ben code Int-4 --match "because we already had one management team, most things got sorted at the top before they became a problem" strategy.internalisation
ben code Int-4 --match "It took three meetings and a bit of horse-trading." expost.standardisation --dim strength=moderate

# ==== Case E ====
ben code Doc-12 --match "the biggest single benefit had been resilience" exante.resilience
ben code Doc-12 --match "recalling the year-long disagreement over funding a new document management system" expost.investment --dim strength=moderate --dim direction=negative
ben code Doc-12 --match "a standing investment plan agreed three years ahead had removed the need to argue about each purchase" strategy.routinisation
ben code Doc-27 --match "It has operated without any significant disagreement between the two councils since it began." expost --dim strength=weak --dim salience=low
ben code Doc-28 --match "It took us a year to agree how to pay for a new document system" expost.investment --dim strength=moderate --dim direction=negative
ben code Doc-28 --match "once we agreed to set the investment plan three years ahead, there was nothing left to argue about" strategy.routinisation
ben code Int-10 --match "Brackenfield had a bigger team, a fraud officer, a subsidy specialist, and a system with room on it." exante.expertise
ben code Int-10 --match "There was a monthly list of temporary accommodation cases that went to our housing options officer" expost.retained.housing --dim strength=weak --dim predictability=predictable --dim salience=low
ben code Int-10 --match "Most things were delegated to the head of service" strategy.governance
ben code Int-10 --match "We had separate targets for each council in the service level agreement" strategy.routinisation
ben code Int-10 --match "It was deferred once, at one Board, and went through at the next" expost.veto --dim strength=weak
ben code Int-10 --match "After that we agreed a standing investment plan, three years ahead, rolled forward every year." strategy.routinisation
ben code Int-10 --match "we harmonised the schemes voluntarily" strategy.standardisation
ben code Int-10 --match "From the start the agreement said subsidy losses were split by caseload, whoever's claim it was." strategy.routinisation

# ==== Case F ====
ben code Doc-13 --match "sharing offers one of the largest single savings available" exante --dim strength=moderate
ben code Doc-13 --match "Early exit would incur a termination payment." expost.investment --dim strength=moderate
ben code Doc-14 --match "the council would be unable to change its own council tax reduction scheme without the agreement of two other councils" expost.veto --dim strength=strong --dim direction=negative
ben code Doc-14 --match "on a timetable set by Saltmere, while still paying for its own contract until 2019" expost.investment --dim strength=strong --dim direction=negative
ben code Doc-14 --match "its ability to make decisions for Hollinsbridge residents would be considerably reduced" expost --dim strength=strong --dim direction=negative
ben code Doc-15 --match "Under this deal we could not have changed our own benefits policy without asking two other councils for permission." expost.veto
ben code Doc-15 --match "we had bent over backwards on governance" strategy.governance
ben code Int-11 --match "If two people go off sick at Caddon Vale, the phones stop." exante.resilience
ben code Int-11 --match "Every council gets a veto on the budget and on policy." expost.veto
ben code Int-11 --match "Our housing officers would be queuing at Saltmere for information about our own tenants." expost.queuing
ben code Int-11 --match "three schemes would have eaten a chunk of the savings" expost.standardisation
ben code Int-11 --match "they'd have been paying their outsourcer and paying their share of a new shared system" expost.investment
ben code Int-11 --match "Hollinsbridge's savings went from nine hundred and ten thousand down to six hundred and ninety" exante
ben code Int-11 --match "Nobody came up with delegation, or opt-outs, or anything cleverer." strategy.governance
ben code Int-11 --match "every decision deferred until the last cabinet had met" expost.veto

# ==== Case G ====
ben code Doc-16 --match "Tarrow Heath intended to prioritise clearing its own backlog during the first year of the partnership" expost.queuing --dim strength=strong --dim direction=negative
ben code Doc-16 --match "Mildenham would be joining a queue, not a partnership" expost.queuing --dim strength=strong --dim direction=negative
ben code Doc-16 --match "its specialist business rates staff" exante.expertise
ben code Doc-29 --match "Its only business rates specialist retires in March 2016" exante.expertise --dim strength=moderate
ben code Doc-29 --match "absences and peaks of work could be covered by moving work between assessors" exante.resilience --dim strength=moderate
ben code Doc-29 --match "The agreement must make sure that Mildenham’s cases are not placed behind Tarrow Heath’s own" expost.queuing --dim strength=moderate --dim direction=negative
ben code Doc-29 --match "in time it would expect the two councils to align their policies" expost.standardisation --dim strength=moderate --dim direction=negative
ben code Doc-29 --match "agreed routes for urgent cases, particularly households in temporary accommodation" expost.retained.housing --dim strength=moderate
ben code Doc-29 --match "Service levels for each council; monthly reporting to a client officer" strategy.formalisation
ben code Doc-29 --match "Policy decisions reserved to each council in the agreement" strategy.formalisation
ben code Int-12 --match "Economies of scale on the system, really." exante.scale
ben code Int-12 --match "I wanted the governance as light as possible." strategy.governance
ben code Int-12 --match "we've given a small partner a veto over our own system" expost.veto
ben code Int-12 --match "anticipating rows that hadn't happened yet" expost --dim salience=high
ben code Int-12 --match "So Mildenham would come into a clean queue." expost.queuing
ben code Int-12 --match "your housing officers ringing our office and getting nowhere" expost.retained.housing
ben code Int-12 --match "an upgrade we couldn't give them a date for" expost.investment

# ==== Case H ====
ben code Doc-17 --match "the joint committee would need unanimous agreement for any investment decision" expost.veto --dim strength=strong --dim direction=negative
ben code Doc-17 --match "a single system could save £300,000 a year through joint procurement" exante.procurement
ben code Doc-30 --match "A combined team of about 75 staff could move work to wherever capacity is available." exante.resilience --dim strength=moderate
ben code Doc-30 --match "With unanimity, every investment decision would depend on three Cabinets agreeing in the same cycle." expost.veto --dim strength=strong --dim direction=negative
ben code Doc-30 --match "Pressure to adopt one council tax support scheme from 2013" expost.standardisation --dim strength=moderate
ben code Doc-30 --match "Housing teams lose direct contact with benefit assessors" expost.retained.housing --dim strength=strong
ben code Doc-30 --match "Subsidy lost through errors of the shared team" expost.penalties --dim strength=strong
ben code Doc-31 --match "could be asked to align its council tax support scheme with the other two councils" expost.standardisation --dim strength=moderate --dim direction=negative
ben code Int-13 --match "Ormsby Fen had lost its fraud officer and couldn't replace him" exante.expertise
ben code Int-13 --match "we ring Wexcombe, we join the queue on the phone with everyone else" expost.queuing
ben code Int-13 --match "So they were afraid of being vetoed and afraid of being outvoted." expost.veto
ben code Int-13 --match "our members weren't going to align their policies with Greyling's just to make the process simpler" expost.standardisation
ben code Int-13 --match "those were exactly the things we could see coming on paper in 2012" expost

# ==== Case I ====
ben code Doc-18 --match "required both councils to adopt identical council tax reduction and recovery policies" expost.standardisation --dim strength=moderate --dim direction=negative
ben code Doc-18 --match "unaffordable in terms of control, not money" expost --dim strength=strong
ben code Doc-32 --match "large enough to attract national providers and competitive prices" exante.procurement --dim strength=moderate
ben code Doc-32 --match "Any later change made by one council would be treated as a contract variation priced for the whole contract and charged to both councils" expost.standardisation --dim strength=moderate --dim direction=negative
ben code Doc-32 --match "was priced at £40,000 a year extra" expost.retained.housing --dim strength=moderate
ben code Int-14 --match "neither council on its own was big enough to interest the market" exante.procurement
ben code Int-14 --match "you need one recovery policy and one council tax reduction scheme, or you're buying two services in one wrapper" expost.standardisation
ben code Int-14 --match "So if Linford Cross tightened their scheme, we'd pay part of the bill." expost.standardisation
ben code Int-14 --match "That's a veto by another name." expost.veto
ben code Int-14 --match "our homeless families could sit in the provider's queue and the contract would still show green" expost.queuing
ben code Int-14 --match "You're not choosing your own system any more, you're choosing it jointly, for ever." expost.investment
ben code Int-14 --match "It was the money." exante
ben code Int-14 --match "Neither council would be the other's landlord" strategy.governance

# ==== Case J ====
ben code Doc-33 --match "they do not want Otterholt deciding how we treat carers or people who fall behind with their bills" expost.standardisation
ben code Doc-34 --match "Sedgebrook would have lost the protection for carers it has given since 2004" expost.standardisation --dim strength=strong --dim direction=negative
ben code Doc-34 --match "Sedgebrook would pay 45% of a document management system that Otterholt had already chosen" expost.investment --dim strength=strong --dim direction=negative
ben code Doc-34 --match "although Sedgebrook would have no control over the staff concerned" expost.penalties --dim strength=strong --dim direction=negative
ben code Doc-34 --match "the business case contained no arrangement for urgent homelessness cases" expost.retained.housing --dim strength=strong
ben code Doc-34 --match "would be absorbed into a larger team with a slower record" expost.queuing --dim strength=moderate --dim direction=negative
ben code Doc-34 --match "would no longer decide how they were made" expost --dim strength=strong --dim direction=negative
ben code Int-15 --match "who do I ring, and why would they put me first?" expost.queuing
ben code Int-15 --match "they'd expect us to align with theirs, and with their recovery policy" expost.standardisation
ben code Int-15 --match "a list of what we called reserved matters" strategy.formalisation
ben code Int-15 --match "Otterholt's solicitor sent it back with three accepted" expost.veto
ben code Int-15 --match "A lead authority arrangement works when the client trusts the host to be fair." strategy.relationships --memo "trust not yet built: 'we'd never run anything together'"
ben code Int-15 --match "you can't have half a team on one version and half on another" expost.investment

# ==== Case K ====
ben code Doc-20 --match "Temporary accommodation claims are flagged on receipt and handled by a named team of four assessors" strategy.routinisation
ben code Doc-20 --match "so they never wait in the general queue" expost.queuing --dim direction=positive --dim predictability=predictable
ben code Doc-20 --match "is shared between the councils by caseload, not left with the council whose claim it falls on" expost.penalties --dim direction=positive --dim predictability=predictable --dim salience=low
ben code Doc-20 --match "A three-year technology plan, agreed by all three councils in 2010, sets out every planned upgrade and its cost" strategy.routinisation
ben code Doc-20 --match "The joint committee delegates operational decisions to the Partnership Manager" strategy.governance
ben code Doc-20 --match "The three councils adopted a common discretionary housing payment policy in 2011, after a year of discussion." strategy.standardisation
ben code Doc-20 --match "we now have our own trained fraud investigators, a subsidy specialist and a business rates team" exante.expertise
ben code Doc-21 --match "a council that does not need a change can opt out of a component and pay only for what it uses" strategy.routinisation
ben code Doc-21 --match "the phasing now proposed avoided any double-running cost for Hatherby" expost.investment --dim strength=moderate --dim direction=positive --dim predictability=predictable
ben code Doc-21 --match "which under the risk-sharing protocol was shared between the three councils by caseload" expost.penalties --dim strength=weak --dim direction=positive --dim predictability=predictable
ben code Doc-24 --match "the councils had agreed in 2006 to share any penalties for benefit errors" expost.penalties
ben code Int-5 --match "Resilience first, money second, I'd say." exante.resilience
ben code Int-5 --match "It nearly fell over in 2007, I'd say." expost --dim strength=strong --memo "the near-collapse of 2007 (only here)"
ben code Int-5 --match "wrote a protocol for each one" strategy.routinisation
ben code Int-5 --match "because it took the blame out of it" expost.penalties --dim direction=positive --dim predictability=predictable
ben code Int-5 --match "And the joint committee delegated the day-to-day stuff to me" strategy.governance
ben code Int-5 --match "Most of the time nobody has to make a decision because the decision was made years ago." strategy.routinisation
ben code Int-5 --match "the council that wants the change pays for the change" expost.standardisation --dim direction=positive --dim predictability=predictable
ben code Int-16 --match "I read the monthly performance report, I chair our internal liaison group" strategy.routinisation
ben code Int-16 --match "Housing's the big one." expost.retained.housing --dim strength=moderate
ben code Int-16 --match "And our finance team, for the reconciliations and the subsidy claim" expost.retained.finance --dim "predictability=partly predictable"
ben code Int-16 --match "so they never sit in the general queue" expost.queuing --dim direction=positive --dim predictability=predictable
ben code Int-16 --match "There's a written protocol for each of them" strategy.routinisation
ben code Int-16 --match "so the three partners move together" expost.investment --dim direction=positive --dim predictability=predictable --dim salience=low
ben code Int-16 --match "There was no discussion about whose cases they were." expost.penalties --dim direction=positive --dim predictability=predictable
ben code Int-16 --match "under the protocol the council that wants a local option pays the extra processing cost" expost.standardisation --dim direction=positive --dim predictability=predictable
ben code Int-16 --match "I can honestly say I've not seen a decision deferred since I've been doing this job." expost.veto --dim strength=weak --dim predictability=predictable --dim salience=low
ben code Int-16 --match "It's that the problems are predictable." expost --dim predictability=predictable --dim salience=low

# ==== Case L ====
ben code Doc-22 --match "temporary accommodation claims a two-day target" strategy.routinisation
ben code Doc-22 --match "delays of up to three months in getting changes made to reports they rely on" expost.retained.it --dim strength=moderate --dim direction=negative --dim predictability=unpredictable --dim salience=rising
ben code Doc-22 --match "Each council bears its own subsidy losses." expost.penalties --dim salience=low
ben code Doc-22 --match "this was an easy decision because the two councils' political priorities were similar" expost.standardisation --dim strength=weak --dim direction=positive --dim salience=low
ben code Doc-22 --match "the Board has never deferred an item for lack of agreement" expost.veto --dim strength=weak --dim predictability=predictable --dim salience=low
ben code Doc-22 --match "Introduce a quarterly ICT change schedule" strategy.routinisation
ben code Int-6 --match "Because we couldn't carry on alone." exante
ben code Int-6 --match "Castlemere is the lead authority" strategy.governance
ben code Int-6 --match "a separate target for our temporary accommodation claims" strategy.routinisation
ben code Int-6 --match "it goes into Castlemere's IT queue with everything else Castlemere wants" expost.retained.it --dim strength=moderate --dim direction=negative --dim "predictability=partly predictable"
ben code Int-6 --match "most things are delegated to the head of service" strategy.governance
ben code Int-17 --match "it's the same two people doing both" expost.queuing --dim strength=moderate --dim predictability=predictable
ben code Int-17 --match "If I prioritised Castlemere it would show up in the numbers within a month" strategy.routinisation
ben code Int-17 --match "Castlemere's own projects do sometimes jump the queue" expost.queuing --dim direction=negative
ben code Int-17 --match "I've never seen an item deferred." expost.veto --dim strength=weak --dim predictability=predictable --dim salience=low
ben code Int-17 --match "We've got routines for just about everything that used to cause arguments." strategy.routinisation

# ==== Case M ====
ben code Doc-23 --match "as the contract's flexible resourcing clause allows" strategy.routinisation
ben code Doc-23 --match "partly to end the disputes over staffing priorities and investment" strategy.governance
ben code Doc-35 --match "which council’s work the shared staff should do first" expost.queuing --dim strength=strong --dim direction=negative
ben code Doc-35 --match "Several decisions were deferred three or more times." expost.veto --dim strength=strong --dim direction=negative
ben code Doc-35 --match "The contract was designed to settle in advance the questions that had caused disputes" strategy.governance
ben code Doc-37 --match "with smaller losses shared between the four councils by caseload under the existing protocol" expost.penalties --dim direction=positive --dim predictability=predictable
ben code Doc-37 --match "moving staff between councils had needed a joint committee decision and had often been blocked" expost.veto --dim strength=strong --dim direction=negative
ben code Doc-37 --match "using the urgent policy protocol" strategy.routinisation
ben code Doc-37 --match "part of the housing options service in everything but the payslip" expost.retained.housing --dim direction=positive --dim predictability=predictable
ben code Doc-38 --match "Decisions that affect only one council" expost.veto --dim strength=weak --dim predictability=predictable
ben code Int-18 --match "our members wanted to know why we were paying for Kirkholme's backlog" expost.queuing --dim strength=strong --dim direction=negative
ben code Int-18 --match "every council effectively had a veto" expost.veto --dim strength=strong --dim direction=negative
ben code Int-18 --match "Nobody on the client side has to decide whose work goes first." expost.queuing --dim direction=positive --dim predictability=predictable
ben code Int-18 --match "To get the price, we had to standardise on a single council tax reduction scheme." strategy.standardisation
ben code Int-18 --match "The client manager has delegated authority for most contract matters" strategy.governance
ben code Int-18 --match "Below the threshold the loss is shared between the four councils by caseload" expost.penalties --dim direction=positive --dim predictability=predictable
ben code Int-19 --match "Until that claim's decided, we're paying for the room ourselves." expost.retained.housing --dim strength=moderate
ben code Int-19 --match "It was all informal — it depended who you knew." strategy.relationships
ben code Int-19 --match "our cases went into the same queue as everybody's" expost.queuing --dim strength=strong --dim direction=negative --dim predictability=unpredictable
ben code Int-19 --match "a separate target for temporary accommodation claims for each council" strategy.routinisation
ben code Int-19 --match "Dalesgate's answer at first was that the contract fixed the staffing for each council" expost.retained.housing --dim direction=negative --dim predictability=unpredictable --memo "the winter of 2015, before the 2016 variation"
ben code Int-19 --match "each council kept its own priorities and its own money" strategy.standardisation
ben code Int-19 --match "Predictable, which in housing is the best thing you can say about anyone." expost --dim predictability=predictable --dim salience=low
