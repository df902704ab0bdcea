# Coder ana's walk-through of her auto-coding suggestions (run by scripts/run-sample.sh).
#
# `casebook --coder ana autocode` proposes about 590 passages from the codebook's
# indicative queries. Ana read each one in its source and decided it here: rejected
# with a reason when the query matched words but not the concept, accepted with the
# dimension values the passage supports, and, where a suggestion had the right place
# but the wrong code (or landed on the interviewer's question rather than the answer),
# coded the passage herself with `ana code`. Every line is one casebook command;
# suggestions are picked by source and a quote from the suggested passage, not by id.
# The team's coding conventions are in README.md ("Coding conventions").
#
# Dimension values: strength, direction, predictability and salience on ex-post codes
# of running partnerships; strength only on the ex-ante codes of the business cases and
# options appraisals that made the case for sharing; for the aborted cases (F-J),
# strength and direction only, and only from the council papers that weighed the
# decision (interviews about what might have happened are coded without values).

# ==== Case A ====
# Doc-1 outline business case 2006
ana suggestions reject --source Doc-1 --match "This paper sets out the case for" --code expost.retained.it --reason "the purpose and host authority of the partnership; no IT link"
ana suggestions reject --source Doc-1 --match "Each council currently runs its own council" --code expost.retained.housing --reason "the councils' benefit teams before sharing; no link with housing services"
ana suggestions accept --source Doc-1 --match "Economies of scale. A combined caseload of" --code exante.scale --dim strength=moderate
ana suggestions reject --source Doc-1 --match "Economies of scale. A combined caseload of" --code expost.retained.finance --reason "one imaging centre and one set of procedures: scale, not finance links"
ana suggestions accept --source Doc-1 --match "Resilience. Fennick's benefits team has eleven staff" --code exante.resilience --dim strength=moderate
ana suggestions accept --source Doc-1 --match "Specialist staff. None of the councils can" --code exante.expertise --dim strength=moderate
ana suggestions accept --source Doc-1 --match "Buying power. The three councils' software, printing" --code exante.procurement --dim strength=moderate
ana suggestions reject --source Doc-1 --match "Each council will keep its own council" --code exante --reason "what each council keeps: not a reason to share"
ana suggestions accept --source Doc-1 --match "Each council will keep its own council" --code expost.retained.housing --memo "the retained housing and homelessness services that later depended on the shared team"
ana suggestions accept --source Doc-1 --match "Each council will keep its own council" --code expost.penalties --memo "design leaves subsidy risk with each council (cf. Doc-3 item 45)"
ana suggestions accept --source Doc-1 --match "Dependence of housing teams on timely benefit" --code expost.retained.housing --dim salience=rising --memo "listed as a risk in 2006"
ana suggestions accept --source Doc-1 --match "Risk 4 is rated low. The project" --code expost.retained.housing --dim salience=rising --memo "rated low at design, became the main complaint (Doc-3 item 47, Doc-4 3.1, Int-1): overlooked, then visible"
ana suggestions reject --source Doc-1 --match "Recommendation: That each Cabinet approves the outline" --code expost.veto --reason "an ordinary recommendation to each Cabinet; no dependency created by sharing"
# Doc-2 inaugural joint committee 2007
ana suggestions accept --source Doc-2 --match "The Committee noted the joint committee agreement" --code expost.veto --memo "the unanimity rule (para 7.3) behind later deferrals"
ana suggestions reject --source Doc-2 --match "Cllr. Stubbs asked whether the partnership would" --code expost.retained.it --reason "about Coldharbour's priorities under a host council (queuing), not IT"
ana suggestions reject --source Doc-2 --match "Cllr. Stubbs asked whether the partnership would" --code strategy.routinisation --reason "an assurance of equal treatment, not a routine for urgent cases: the SLA set no priorities (cf. Int-1 'we treat all three councils equally'); passage coded expost.queuing"
ana code Doc-2 --match "Cllr. Stubbs asked whether the partnership would be able to respond to Coldharbour's own priorities" expost.queuing --memo "anticipated at the inaugural meeting"
# Doc-3 joint committee 2013
ana suggestions accept --source Doc-3 --match "The Head of Shared Service introduced report" --code expost.penalties --dim strength=strong --dim direction=negative --dim predictability=unpredictable --dim salience=rising
ana suggestions accept --source Doc-3 --match "Cllr. Barraclough said that Coldharbour had run" --code expost.penalties --dim strength=strong --dim direction=negative --dim salience=high
ana suggestions reject --source Doc-3 --match "Cllr. Barraclough said that Coldharbour had run" --code expost.veto --reason "about where subsidy losses fall (para 11.2), not approvals; coded expost.penalties"
ana suggestions reject --source Doc-3 --match "Cllr. Illingworth said Fennick's Cabinet had already" --code strategy.standardisation --reason "standardisation refused for 2014/15: the pressure is coded expost.standardisation (team convention on refused strategies)"
ana code Doc-3 --match "could not now adopt Marsh Vale's 15%" expost.standardisation --dim strength=moderate --dim direction=negative --dim salience=high
ana suggestions accept --source Doc-3 --match "The Committee noted that average processing time" --code expost.retained.housing --dim strength=strong --dim direction=negative --dim salience=rising
ana suggestions reject --source Doc-3 --match "The Committee considered a request for £96,000" --code exante.technology --reason "a capital request for the shared system held up under para 7.3: a joint investment decision, not a reason to share"
ana code Doc-3 --match "a request for £96,000 of capital to upgrade the shared document management system" expost.investment --dim strength=moderate --dim direction=negative
ana suggestions accept --source Doc-3 --match "RESOLVED that the item be deferred to" --code expost.veto --memo "the document management upgrade, deferred under para 7.3 (approved only in October 2014, Doc-4 3.2)"
# Doc-4 Coldharbour options paper 2015
ana suggestions accept --source Doc-4 --match "The council joined the partnership in October" --code exante --memo "restates the promise of the business case"
ana suggestions reject --source Doc-4 --match "Members have nevertheless raised repeated concerns about" --code exante --reason "members' concerns about subsidy losses after go-live; coded expost.penalties"
ana suggestions accept --source Doc-4 --match "Members have nevertheless raised repeated concerns about" --code expost.penalties --dim strength=strong --dim direction=negative --dim predictability=unpredictable --dim salience=high
ana suggestions accept --source Doc-4 --match "Links with housing. The council’s housing options" --code expost.retained.housing --dim strength=strong --dim direction=negative --dim salience=high
ana suggestions accept --source Doc-4 --match "Links with housing. The council’s housing options" --code expost.queuing --dim strength=strong --dim direction=negative --dim salience=high
ana suggestions reject --source Doc-4 --match "Slow decisions. Under para. 7.3 of the" --code exante.technology --reason "the document management upgrade as a delayed joint decision, not a reason to share"
ana suggestions accept --source Doc-4 --match "Slow decisions. Under para. 7.3 of the" --code expost.veto --dim strength=strong --dim direction=negative --dim salience=high
ana suggestions reject --source Doc-4 --match "ICT. The shared revenues system is hosted" --code exante --reason "an IT dependency after go-live, not a reason to share"
ana suggestions reject --source Doc-4 --match "ICT. The shared revenues system is hosted" --code expost --reason "coded with the sub-code expost.retained.it"
ana suggestions accept --source Doc-4 --match "ICT. The shared revenues system is hosted" --code expost.retained.it --dim strength=moderate --dim salience=high
ana suggestions reject --source Doc-4 --match "Option 4 — give notice and procure" --code exante.procurement --reason "outsourcing as an exit option, not a reason for sharing"
# Doc-5 Marsh Vale Gazette 2016
ana suggestions reject --source Doc-5 --match "Marsh Vale's Cllr. Zoë Hartington, who has" --code strategy.governance --reason "names the chair of the joint committee; no change to governance"
ana suggestions accept --source Doc-5 --match "Coldharbour, which gave notice last summer, has" --code expost.retained.housing --dim strength=strong --dim direction=negative --dim salience=high
ana suggestions accept --source Doc-5 --match "Coldharbour, which gave notice last summer, has" --code expost.veto --dim strength=strong --dim direction=negative --dim salience=high
ana suggestions accept --source Doc-5 --match "Coldharbour, which gave notice last summer, has" --code expost.queuing --dim strength=strong --dim direction=negative --dim salience=high
# Int-1
ana suggestions accept --source Int-1 --match "[laughs] How long have you got? I" --code expost.retained.housing --dim strength=strong --dim direction=negative --dim predictability=unpredictable --dim salience=rising
ana suggestions accept --source Int-1 --match "[laughs] How long have you got? I" --code expost.queuing --dim strength=strong --dim direction=negative --dim salience=rising
ana suggestions accept --source Int-1 --match "Well, equal treatment meant our urgent cases" --code expost.queuing --dim strength=strong --dim direction=negative
ana suggestions reject --source Int-1 --match "Slowly. [pause] Everything needed all three. Which" --code exante.technology --reason "the document management upgrade delayed by the veto, not a reason to share"
ana suggestions accept --source Int-1 --match "Slowly. [pause] Everything needed all three. Which" --code expost.veto --dim strength=strong --dim direction=negative --dim predictability=unpredictable --memo "a reform (majority voting, ring-fenced staff, penalty pool) was proposed and refused (para 15)"
# Int-2
ana suggestions reject --source Int-2 --match "That's fair, that is the flip side" --code strategy.standardisation --reason "about the shared subsidy error and the refusal to pool penalties, not a standardising strategy"
ana code Int-2 --match "We did not think it was a reason to pool the penalties, because then the council with the best claim pays for the others." expost.penalties --dim direction=negative --memo "host's view: pooling would make the council with the best claim pay"
ana suggestions accept --source Int-2 --match "Yes — that was a design flaw" --code expost.veto --dim strength=strong --dim direction=negative --dim salience=high --memo "delegation and a voting rule proposed in 2014 and blocked"
ana suggestions reject --source Int-2 --match "Yes — that was a design flaw" --code strategy.governance --reason "delegation proposed in 2014 and blocked: a refused strategy, noted on the veto coding (team convention)"
ana suggestions accept --source Int-2 --match "I think that was overstated. We set" --code expost.retained.housing --memo "host's s.151 officer calls the housing queue overstated and cites a 2012 TA priority flag; contradicts Int-1 and Doc-4 3.1"
ana suggestions reject --source Int-2 --match "Lead authority model, not a joint committee." --code expost.retained.it --reason "hindsight advice on governance; no IT link"
ana suggestions reject --source Int-2 --match "Lead authority model, not a joint committee." --code expost.veto --reason "hindsight advice ('keep the politicians out'), not a dependency"
ana suggestions reject --source Int-2 --match "Lead authority model, not a joint committee." --code strategy.routinisation --reason "hindsight advice, not a strategy the partners adopted or proposed"
ana suggestions reject --source Int-2 --match "Lead authority model, not a joint committee." --code strategy.governance --reason "hindsight advice, not a strategy the partners adopted or proposed"
# Int-20
ana suggestions accept --source Int-20 --match "The subsidy errors in 2013. We lost" --code expost.penalties --dim strength=strong --dim direction=negative --dim predictability=unpredictable --dim salience=rising
ana suggestions accept --source Int-20 --match "Marsh Vale wanted us to align our" --code expost.standardisation --dim strength=strong --dim direction=negative --dim salience=high
ana suggestions accept --source Int-20 --match "Partly, yes. We didn't support the subsidy" --code expost.veto --dim strength=strong --dim direction=negative --memo "Fennick blocked the subsidy pool and majority voting"
ana suggestions accept --source Int-20 --match "Once Coldharbour gave notice in the summer" --code expost.queuing --dim strength=strong --dim direction=negative
ana suggestions reject --source Int-20 --match "The document management upgrade, mostly. It came" --code exante.technology --reason "the document management upgrade as a delayed joint decision, not a reason to share"
ana suggestions accept --source Int-20 --match "The document management upgrade, mostly. It came" --code expost.veto --dim strength=strong --dim direction=negative
ana suggestions accept --source Int-20 --match "The document management upgrade, mostly. It came" --code expost.investment --dim strength=moderate --dim direction=negative
ana suggestions reject --source Int-20 --match "There was, and I don't think it's" --code strategy.governance --reason "an offer Fennick's Cabinet turned down: a refused strategy, not coded (team convention); single-source claim"
ana suggestions accept --source Int-20 --match "Because it meant no vote at all." --code expost.veto --memo "why Fennick preferred a veto to being a customer of the host"
ana suggestions reject --source Int-20 --match "Because it meant no vote at all." --code strategy.governance --reason "an offer refused; no governance change (team convention)"
ana suggestions reject --source Int-20 --match "And the links with your own housing" --code expost.retained.housing --reason "interviewer's question"
ana suggestions accept --source Int-20 --match "Less for us than for Coldharbour. We" --code expost.retained.housing --dim strength=moderate
ana suggestions accept --source Int-20 --match "I think so. [pause] It was expensive" --code expost.retained.housing --dim salience=rising

# ==== Case B ====
# Doc-6 business case 2009
ana suggestions reject --source Doc-6 --match "Ashby Wold and Stainmoor propose to combine" --code strategy.routinisation --reason "the SLA here is the lead-authority contract (coded strategy.governance), not a routine for a dependency"
ana suggestions accept --source Doc-6 --match "Ashby Wold and Stainmoor propose to combine" --code strategy.governance --memo "lead authority from the outset"
ana suggestions accept --source Doc-6 --match "The saving comes from a single management" --code exante.procurement --dim strength=moderate
ana suggestions reject --source Doc-6 --match "The saving comes from a single management" --code strategy.internalisation --reason "one management team is the scale saving, not bringing a retained function into the partnership"
ana suggestions accept --source Doc-6 --match "A Shared Service Board of the two" --code expost.penalties --memo "design leaves subsidy risk with Stainmoor (cf. Doc-7 3.5)"
ana suggestions reject --source Doc-6 --match "Stainmoor's housing service. Stainmoor has a high" --code strategy.routinisation --reason "the TA protocol promised here lapsed (Doc-7 3.1, Int-9): not working coordination (team convention); the dependency is coded instead"
ana code Doc-6 --match "Stainmoor has a high number of households in temporary accommodation." expost.retained.housing --memo "foreseen in 2009; the protocol meant to manage it lapsed by 2014 (Doc-7 3.1, Int-9)"
ana suggestions reject --source Doc-6 --match "Recommendation: That both councils approve the business" --code strategy.governance --reason "routine delegation to finalise the agreement, not simplifying the partnership's governance"
# Doc-7 Stainmoor review 2016
ana suggestions reject --source Doc-7 --match "This report presents the findings of the" --code strategy --reason "recommends withdrawal; no strategy for managing a dependency"
ana suggestions reject --source Doc-7 --match "The shared service has delivered the savings" --code exante --reason "achieved results, not the rationale (codebook exclusion)"
ana suggestions accept --source Doc-7 --match "Staff capacity. The review found that when" --code expost.queuing --dim strength=strong --dim direction=negative --dim predictability=unpredictable --dim salience=high --memo "TA protocol of 2010 not updated since"
ana suggestions reject --source Doc-7 --match "Staff capacity. The review found that when" --code strategy.routinisation --reason "reports the 2010 TA protocol lapsing: coordination failing, noted on the queuing coding (team convention)"
ana suggestions reject --source Doc-7 --match "Investment. Ashby Wold wishes to move the" --code strategy.governance --reason "a joint investment decision (cloud migration), not a change to governance"
ana code Doc-7 --match "Stainmoor would pay £187,000 of this for a change it did not ask for" expost.investment --dim strength=strong --dim direction=negative --dim salience=high
ana suggestions accept --source Doc-7 --match "Housing and IT links. Stainmoor's housing team" --code expost.retained.housing --dim strength=moderate --dim direction=negative --dim predictability=unpredictable
ana suggestions accept --source Doc-7 --match "Subsidy. An error in the shared service's" --code expost.penalties --dim strength=strong --dim direction=negative --dim predictability=unpredictable --dim salience=high
ana suggestions reject --source Doc-7 --match "Subsidy. An error in the shared service's" --code strategy.governance --reason "about a subsidy loss; no governance change"
ana suggestions accept --source Doc-7 --match "Decisions. Items raised by Stainmoor at the" --code expost.veto --dim strength=strong --dim direction=negative --dim salience=high
ana suggestions reject --source Doc-7 --match "That Cabinet agrees to give notice under" --code strategy.governance --reason "recommends withdrawal, not a governance change"
# Doc-8 e-mail 2017
ana suggestions accept --source Doc-8 --match "Yes — I've chased them again. 14" --code expost.queuing --dim strength=strong --dim direction=negative --dim predictability=unpredictable --dim salience=high
ana suggestions reject --source Doc-8 --match "I've asked for the two named assessors" --code strategy.routinisation --reason "the protocol not honoured ('shared resource now'): coordination failing (team convention); passage coded expost.veto"
ana code Doc-8 --match "the Board hasn't changed anything in 18 months because Ashby Wold won't agree to anything that costs them" expost.veto --dim strength=strong --dim direction=negative
# Doc-9 web page 2017
ana suggestions reject --source Doc-9 --match "Your council tax account number will change." --code expost.retained.finance --reason "residents' account numbers after the service returns; no finance link"
# Int-3
ana suggestions accept --source Int-3 --match "Very different. The way I'd put it" --code expost.retained.housing --dim strength=strong --dim direction=negative --dim salience=high
ana suggestions accept --source Int-3 --match "Very different. The way I'd put it" --code expost.queuing --dim strength=strong --dim direction=negative
ana suggestions reject --source Int-3 --match "That was the last straw for a" --code expost.veto --reason "about the cloud migration Stainmoor could not refuse: coded expost.investment"
ana code Int-3 --match "if we said no they'd have gone ahead anyway and we'd have been left on an unsupported system" expost.investment --dim strength=strong --dim direction=negative --dim salience=high
ana suggestions reject --source Int-3 --match "Did the lead authority model make a" --code strategy.governance --reason "interviewer's question"
ana suggestions accept --source Int-3 --match "I think it made it worse, in" --code strategy.governance --memo "lead authority 'made it worse': contradicts Int-2 on the lead-authority model"
ana suggestions reject --source Int-3 --match "Same pattern. Ashby Wold wanted us to" --code strategy.standardisation --reason "harmonisation refused by Stainmoor: the pressure is coded expost.standardisation (team convention)"
ana code Int-3 --match "So we got charged extra for being different." expost.standardisation --dim strength=moderate --dim direction=negative
# Int-9
ana suggestions reject --source Int-9 --match "I was on the project team from" --code strategy.routinisation --reason "role description"
ana suggestions reject --source Int-9 --match "I was on the project team from" --code strategy.governance --reason "role description"
ana suggestions accept --source Int-9 --match "[sighs] I know that's their view. It" --code expost.queuing --memo "host's manager denies favouritism ('oldest first'); contradicts Int-3 and Doc-7 3.1 but concedes oldest first is not most urgent"
ana suggestions accept --source Int-9 --match "Because the cases were different. Stainmoor had" --code expost.retained.housing --memo "TA cases unflagged from 2014, after the protocol lapsed"
ana suggestions reject --source Int-9 --match "Because the cases were different. Stainmoor had" --code strategy.routinisation --reason "the 2010 protocol lapsing (flags stopped in 2014): coordination failing, noted on the housing coding (team convention)"
ana suggestions reject --source Int-9 --match "Stainmoor officers have said that the protocol" --code strategy.routinisation --reason "interviewer's question"
ana suggestions accept --source Int-9 --match "We did. In late 2015 I put" --code expost.veto --memo "the host's proposal for a ring-fenced TA cell, deferred (contradicts Int-3 'we got neither')"
ana suggestions reject --source Int-9 --match "This is the other one that frustrates" --code expost.retained.it --reason "the cloud migration as a joint investment: coded expost.investment"
ana code Int-9 --match "Either way both councils had to move together, because it's one system" expost.investment --dim strength=strong
ana suggestions accept --source Int-9 --match "It's the cost of running two schemes." --code expost.standardisation --memo "host frames the surcharge as the cost of a choice, not a penalty (contra Int-3)"
ana suggestions reject --source Int-9 --match "It's the cost of running two schemes." --code strategy.standardisation --reason "harmonisation declined by Stainmoor: noted on the expost.standardisation coding (team convention)"
ana suggestions reject --source Int-9 --match "And the subsidy error in 2014/15?" --code expost.penalties --reason "interviewer's question; the answer is coded"
ana code Int-9 --match "We declined to share the loss because the agreement said subsidy risk stays with each council." expost.penalties --dim strength=strong --dim direction=negative --dim salience=rising
ana suggestions accept --source Int-9 --match "The numbers are probably right. Part of" --code expost.veto --dim strength=moderate --memo "the host concedes deferrals (cf. Doc-7 3.6)"

# ==== Case C ====
# Doc-10 joint committee September 2018
ana suggestions reject --source Doc-10 --match "Cllr. Penrose explained Dunmere's decision. The partnership" --code exante.technology --reason "the portal as an imposed joint investment, not a reason to share"
ana suggestions reject --source Doc-10 --match "Cllr. Penrose explained Dunmere's decision. The partnership" --code expost.retained.it --reason "portal and veto; no IT-support link in this passage"
ana code Doc-10 --match "the joint investment in a new online benefits portal" expost.investment --dim strength=strong --dim direction=negative
ana suggestions accept --source Doc-10 --match "Cllr. Penrose explained Dunmere's decision. The partnership" --code expost.veto --dim strength=strong --dim direction=negative --dim salience=high
ana suggestions accept --source Doc-10 --match "Cllr. Penrose explained Dunmere's decision. The partnership" --code strategy.governance --memo "the 2013 move to a lead authority, seen from Dunmere"
ana suggestions reject --source Doc-10 --match "The Partnership Manager confirmed that in 2017/18" --code exante.resilience --reason "about queuing and a subsidy loss in 2017/18, not resilience as a reason to share"
ana suggestions accept --source Doc-10 --match "The Partnership Manager confirmed that in 2017/18" --code expost.queuing --dim strength=strong --dim direction=negative --dim predictability=unpredictable --dim salience=high
ana code Doc-10 --match "the loss of £64,000 of housing benefit subsidy on Dunmere’s 2016/17 claim" expost.penalties --dim strength=strong --dim direction=negative --dim predictability=unpredictable --dim salience=high
# Doc-25 Dunmere options appraisal 2018
ana suggestions reject --source Doc-25 --match "To set out the options for the" --code strategy.governance --reason "names the lead-authority model as background"
ana suggestions reject --source Doc-25 --match "Priority of Dunmere’s work. Dunmere has no" --code exante.resilience --reason "about the priority of Dunmere's work under the host, not resilience"
ana suggestions accept --source Doc-25 --match "Priority of Dunmere’s work. Dunmere has no" --code expost.retained.housing --dim strength=strong --dim direction=negative --dim salience=high
ana code Doc-25 --match "Dunmere has no staff of its own in the service and no say in how the shared team is deployed." expost.queuing --dim strength=strong --dim direction=negative --dim salience=high
ana suggestions reject --source Doc-25 --match "Investment. The online benefits portal introduced in" --code exante.technology --reason "the portal as an imposed joint investment, not a reason to share"
ana suggestions accept --source Doc-25 --match "Investment. The online benefits portal introduced in" --code expost.retained.housing --dim strength=strong --dim direction=negative
ana suggestions accept --source Doc-25 --match "Investment. The online benefits portal introduced in" --code expost.investment --dim strength=strong --dim direction=negative --dim salience=high
ana suggestions accept --source Doc-25 --match "Approvals. Changes that Dunmere asks for go" --code expost.veto --dim strength=strong --dim direction=negative --dim salience=high
ana suggestions accept --source Doc-25 --match "Retained services. Dunmere’s customer services, housing and" --code expost.retained.housing --dim strength=moderate
ana suggestions accept --source Doc-25 --match "Retained services. Dunmere’s customer services, housing and" --code expost.retained.finance --dim strength=moderate
ana suggestions accept --source Doc-25 --match "Option 2: remain, and seek changes to" --code expost.penalties --dim strength=strong --dim direction=negative --dim salience=high --memo "the host refused shared subsidy losses and opt-outs"
ana suggestions reject --source Doc-25 --match "Option 4: give notice and form a" --code strategy.relationships --reason "an informal approach about a new arrangement, not relationships used to manage a dependency"
ana suggestions accept --source Doc-25 --match "Subsidy errors from 2018/19 found after exit" --code expost.penalties --dim strength=moderate
ana suggestions accept --source Doc-25 --match "Buy in appeals work on a call-off" --code exante.expertise --memo "the specialist expertise Dunmere would lose on leaving"
ana suggestions reject --source Doc-25 --match "That the Director of Finance, in consultation" --code exante.procurement --reason "procurement on leaving, not a reason to share"
ana suggestions reject --source Doc-25 --match "That members note that the recommendation is" --code expost.retained.finance --reason "the summary of lost control, not finance links; coded expost"
ana suggestions reject --source Doc-25 --match "That members note that the recommendation is" --code expost.queuing --reason "the summary of all four dependencies; coded expost"
ana code Doc-25 --match "the council can no longer control the priorities, policies, investments or risks of a service for which it remains accountable to its residents" expost --dim strength=strong --dim direction=negative --dim salience=high
# Doc-26 final joint committee 2019
ana suggestions reject --source Doc-26 --match "The shared revenues and benefits database, hosted" --code exante --reason "splitting the shared database at closure, not a reason to share"
ana suggestions accept --source Doc-26 --match "The shared revenues and benefits database, hosted" --code expost.retained.it --dim strength=moderate --dim direction=negative
ana suggestions accept --source Doc-26 --match "Cllr. Penrose said that this was a" --code expost.queuing --dim strength=strong --dim direction=negative --dim salience=high
ana suggestions reject --source Doc-26 --match "The Partnership Manager reported that the online" --code exante.procurement --reason "the jointly procured portal Dunmere cannot leave: a joint investment, not a reason to share"
ana code Doc-26 --match "Dunmere’s share for 2019/20 would be £41,500, although Dunmere would not use the portal after 31 March 2019." expost.investment --dim strength=strong --dim direction=negative
ana suggestions reject --source Doc-26 --match "Final accounts and partnership reserve" --code expost.retained.finance --reason "heading"
ana suggestions reject --source Doc-26 --match "The Chief Finance Officer of Kettlebury presented" --code expost.retained.finance --reason "distributing the reserve at closure; no finance-team link"
ana suggestions reject --source Doc-26 --match "RESOLVED that the draft final accounts be" --code expost.retained.finance --reason "resolution noting the accounts"
ana suggestions reject --source Doc-26 --match "He said that the joint committee model" --code expost.retained.it --reason "the joint committee model and the host's two roles; no IT link"
ana suggestions accept --source Doc-26 --match "Cllr. McAllister said Pennock Vale’s members had" --code exante.resilience --memo "the ex-ante dependency outlives the partnership"
ana suggestions reject --source Doc-26 --match "Cllr. McAllister said Pennock Vale’s members had" --code strategy.routinisation --reason "a purchasing arrangement after dissolution, not a routine inside the partnership"
ana suggestions reject --source Doc-26 --match "RESOLVED (1) that the Mid-Downs Revenues Partnership" --code expost.retained.finance --reason "resolution dissolving the partnership"
# Int-7
ana suggestions reject --source Int-7 --match "Scale, mainly. None of us was big" --code exante --reason "the sub-codes apply"
ana suggestions accept --source Int-7 --match "It worked while there were savings to" --code expost.veto --dim strength=strong --dim salience=rising
ana suggestions accept --source Int-7 --match "It worked while there were savings to" --code strategy.governance --memo "the move to lead authority in 2013 because the committee 'had seized up'"
ana suggestions reject --source Int-7 --match "What changed when Kettlebury became the lead" --code strategy.governance --reason "interviewer's question"
ana suggestions accept --source Int-7 --match "About a hundred and ten staff transferred" --code expost.veto --dim strength=strong --dim direction=negative
ana suggestions accept --source Int-7 --match "Partly. [pause] The one I'd push back" --code expost.standardisation --memo "the single scheme 'gets told as Kettlebury imposing': contradicts Int-8 and FG-1 (Int-23)"
ana suggestions accept --source Int-7 --match "That was the bit nobody planned for." --code expost.retained.housing --dim strength=strong --dim predictability=unpredictable --dim salience=rising
ana suggestions reject --source Int-7 --match "That was the bit nobody planned for." --code expost.retained.finance --reason "the finance team mentioned in passing; the passage is about housing and the queue"
ana suggestions accept --source Int-7 --match "That was the bit nobody planned for." --code expost.queuing --dim strength=moderate --dim direction=negative --memo "'eight weeks, ten at most': contradicts Int-8 and Doc-10 (most of the year)"
ana suggestions reject --source Int-7 --match "The portal, yes. That was a joint" --code exante.technology --reason "the portal as a joint investment Dunmere could not refuse, not a reason to share"
ana suggestions accept --source Int-7 --match "The portal, yes. That was a joint" --code expost.retained.housing --dim strength=moderate --dim direction=negative
ana suggestions accept --source Int-7 --match "The portal, yes. That was a joint" --code expost.investment --dim strength=strong --dim direction=negative
ana suggestions accept --source Int-7 --match "The sixty-four thousand. I know the minutes" --code expost.penalties --dim strength=strong --dim direction=negative --dim predictability=unpredictable --memo "disputes that the error was the shared team's (contra Int-8)"
ana suggestions reject --source Int-7 --match "Most of it, by the end. I'd" --code expost.retained.finance --reason "the coordination load across all retained services; coded expost"
ana code Int-7 --match "every year there was something new nobody had seen coming" expost --dim strength=strong --dim predictability=unpredictable --dim salience=rising
ana suggestions accept --source Int-7 --match "Decide the boring things at the start." --code expost.queuing --dim strength=strong --dim direction=negative --dim predictability=unpredictable
# Int-8
ana suggestions reject --source Int-8 --match "From the file, and from people who" --code exante --reason "the sub-codes apply"
ana suggestions accept --source Int-8 --match "Kettlebury became the lead authority and the" --code expost.veto --dim strength=strong --dim direction=negative --dim salience=rising
ana suggestions accept --source Int-8 --match "Yes. That was just as I arrived." --code expost.standardisation --dim strength=strong --dim direction=negative --dim salience=high
ana suggestions accept --source Int-8 --match "That's where it really hurt. The cash" --code expost.retained.housing --dim strength=strong --dim direction=negative
ana suggestions reject --source Int-8 --match "Not really. On paper the joint committee" --code expost.veto --reason "about the portal Dunmere could not refuse: coded expost.investment"
ana code Int-8 --match "saying no meant being left behind on a system nobody would maintain" expost.investment --dim strength=strong --dim direction=negative
ana suggestions accept --source Int-8 --match "Yes, in 2017/18 our new claims took" --code expost.retained.housing --dim strength=strong --dim direction=negative
ana suggestions accept --source Int-8 --match "Yes, in 2017/18 our new claims took" --code expost.queuing --dim strength=strong --dim direction=negative --memo "'April to Christmas': contradicts Int-7 (eight to ten weeks)"
ana suggestions accept --source Int-8 --match "Sixty-four thousand pounds. An error by the" --code expost.penalties --dim strength=strong --dim direction=negative --dim predictability=unpredictable
ana suggestions reject --source Int-8 --match "The cost, roughly, yes. But our processing" --code expost.retained.housing --reason "after withdrawal: the housing link restored in-house, no partnership dependency"
ana suggestions reject --source Int-8 --match "The cost, roughly, yes. But our processing" --code expost.penalties --reason "after withdrawal: errors are the council's own, no shared penalty"
# FG-1
ana suggestions reject --source FG-1 --match "Focus group FG-1, case C (Mid-Downs Revenues" --code strategy.governance --reason "description of the participants"
ana suggestions reject --source FG-1 --match "I'll start, since I was on the" --code expost.retained.it --reason "role description"
ana suggestions reject --source FG-1 --match "I'll start, since I was on the" --code strategy.governance --reason "role description"
ana suggestions accept --source FG-1 --match "That's why we moved to the lead" --code expost.veto --dim strength=strong
ana suggestions reject --source FG-1 --match "Quicker decisions for Kettlebury. [crosstalk] No —" --code expost.retained.it --reason "decisions moving to the host, not IT"
ana suggestions accept --source FG-1 --match "Quicker decisions for Kettlebury. [crosstalk] No —" --code expost.veto --dim strength=strong --dim direction=negative
ana suggestions reject --source FG-1 --match "The partnership's officers, who happened to be" --code strategy.governance --reason "a rejoinder in the exchange coded at Int-21's previous turn"
ana suggestions reject --source FG-1 --match "In 2015 we went into a joint" --code exante.technology --reason "the portal as a joint investment, not a reason to share"
ana suggestions accept --source FG-1 --match "In 2015 we went into a joint" --code expost.retained.housing --dim strength=strong --dim direction=negative
ana suggestions accept --source FG-1 --match "In 2015 we went into a joint" --code expost.investment --dim strength=strong --dim direction=negative
ana suggestions accept --source FG-1 --match "The system sat on Kettlebury's network from" --code expost.retained.it --dim strength=moderate
ana suggestions accept --source FG-1 --match "And finance, which nobody ever mentions. Every" --code expost.retained.finance --dim strength=moderate --dim "predictability=partly predictable"
ana suggestions reject --source FG-1 --match "Honestly, no. The 2006 business case had" --code exante --reason "what the 2006 business case left out, not the reasons for sharing; coded expost"
ana code FG-1 --match "Nothing about housing, nothing about who pays for errors." expost --dim salience=rising
ana suggestions reject --source FG-1 --match "I'd put the turning point at 2016." --code expost.queuing --reason "the turning point in salience across all the dependencies; coded expost"
ana code FG-1 --match "suddenly members in all three councils were reading the partnership reports line by line" expost --dim predictability=unpredictable --dim salience=rising
ana suggestions reject --source FG-1 --match "It ran from the spring to Christmas" --code strategy.routinisation --reason "reports the queue; the monthly report is mentioned, not a routine managing it"
ana suggestions reject --source FG-1 --match "It ran from the spring to Christmas" --code strategy.formalisation --reason "reports the queue; no safeguard added"
ana code FG-1 --match "It ran from the spring to Christmas for us." expost.queuing --dim strength=strong --dim direction=negative
ana suggestions accept --source FG-1 --match "Pennock Vale's times went up too in" --code expost.queuing --dim strength=moderate --dim direction=negative --memo "Pennock Vale 'jumped' the queue the month before"
ana suggestions accept --source FG-1 --match "We lost sixty-four thousand on the 2016/17" --code expost.penalties --dim strength=strong --dim direction=negative --dim predictability=unpredictable --dim salience=rising
ana suggestions accept --source FG-1 --match "Closed in 2016. Decided at Kettlebury, to" --code expost.veto --dim strength=strong --dim direction=negative
ana suggestions accept --source FG-1 --match "That's not how I remember it. The" --code expost.veto --memo "the host disputes it (contra Int-23)"
ana suggestions accept --source FG-1 --match "Agreed the hard things at the start." --code expost.queuing --dim salience=rising
ana suggestions accept --source FG-1 --match "I'd have kept a veto over the" --code expost.veto --dim strength=strong --dim direction=negative

# ==== Case D ====
# Doc-11 options appraisal 2008
ana suggestions reject --source Doc-11 --match "Option C scores highest on cost, resilience" --code exante.resilience --reason "coordination within a single management line, not resilience"
ana suggestions accept --source Doc-11 --match "Option C scores highest on cost, resilience" --code strategy.internalisation --memo "coordination handled within the councils' existing shared management team"
ana suggestions reject --source Doc-11 --match "Because both councils already use the same" --code expost.investment --reason "expects no dependency: same housing system and a shared ICT service"
ana suggestions accept --source Doc-11 --match "The main benefits of Option C are" --code exante.scale --dim strength=moderate
ana suggestions accept --source Doc-11 --match "The main benefits of Option C are" --code exante.expertise --dim strength=moderate
ana suggestions accept --source Doc-11 --match "The main benefits of Option C are" --code exante.procurement --dim strength=moderate
ana suggestions accept --source Doc-11 --match "That Option C be approved, with a" --code strategy.standardisation --memo "common policy adopted from go-live"
# Int-4
ana suggestions reject --source Int-4 --match "Honestly, not many. There were the usual" --code expost.retained.housing --reason "no dependency: one housing team and one IT department across both councils (cf. Doc-11 3.1-3.2)"
ana suggestions reject --source Int-4 --match "Honestly, not many. There were the usual" --code expost.retained.it --reason "no dependency: one housing team and one IT department across both councils (cf. Doc-11 3.1-3.2)"

# ==== Case E ====
# Doc-12 final board 2019
ana suggestions reject --source Doc-12 --match "The Chair reported that the order merging" --code strategy.internalisation --reason "the councils merged by order of Parliament: not a strategy for the partnership's dependencies"
ana suggestions reject --source Doc-12 --match "The Head of Revenues and Benefits reported" --code exante.resilience --reason "achieved results reported at closure, not the rationale (codebook exclusion)"
ana suggestions reject --source Doc-12 --match "Cllr. Sandiford thanked staff. She noted that" --code exante.procurement --reason "the year-long dispute over funding a document system: a joint investment, not a reason to share"
ana suggestions reject --source Doc-12 --match "Cllr. Sandiford thanked staff. She noted that" --code exante.technology --reason "the year-long dispute over funding a document system: a joint investment, not a reason to share"
ana code Doc-12 --match "recalling the year-long disagreement over funding a new document management system" expost.investment --dim strength=moderate --dim direction=negative --memo "contradicts Int-10 (deferred once, three or four months)"
ana code Doc-12 --match "a standing investment plan agreed three years ahead had removed the need to argue about each purchase" strategy.routinisation
# Doc-27 merger business case 2018
ana suggestions reject --all --source Doc-27 --reason "the merger business case: reasons for merging the councils and steps towards it, not the partnership's reasons or dependencies"
# Doc-28 Brackenfield Courier 2019
ana suggestions reject --all --source Doc-28 --reason "results quoted at the merger vote and the benefits team's location: no reason to share, no housing link"
# Int-10
ana suggestions reject --source Int-10 --match "We were tiny. Our benefits team was" --code expost.penalties --reason "subsidy problems before the partnership: a reason to share, not a shared penalty"
ana suggestions accept --source Int-10 --match "Not many, honestly. I know that's not" --code expost.retained.housing --dim strength=weak --dim predictability=predictable --dim salience=low --memo "a monthly TA list was 'more or less the whole relationship'"
ana suggestions reject --source Int-10 --match "Not many, honestly. I know that's not" --code expost.retained.it --reason "IT handed over; no retained IT dependency described"
ana suggestions reject --source Int-10 --match "Not many, honestly. I know that's not" --code expost.retained.finance --reason "finance not mentioned"
ana suggestions reject --source Int-10 --match "The Board met twice a year, sometimes" --code strategy.formalisation --reason "governance made lighter, not tighter (exclusive with strategy.governance)"
ana suggestions reject --source Int-10 --match "The final Board minutes mention a year-long" --code exante.technology --reason "interviewer's question"
ana suggestions reject --source Int-10 --match "[laughs] I read that. I was a" --code exante.technology --reason "the document-system funding dispute: a joint decision, not a reason to share"
ana suggestions accept --source Int-10 --match "[laughs] I read that. I was a" --code expost.veto --dim strength=moderate --memo "'deferred once': contradicts Doc-12 (year-long disagreement)"
ana suggestions accept --source Int-10 --match "Not really. In 2013 we kept separate" --code strategy.standardisation --memo "harmonised voluntarily in 2017"
ana suggestions reject --source Int-10 --match "What about subsidy? In some partnerships errors" --code expost.penalties --reason "interviewer's question; the answer is coded"
ana code Int-10 --match "From the start the agreement said subsidy losses were split by caseload, whoever's claim it was." expost.penalties --dim strength=weak --dim direction=positive --dim predictability=predictable
ana code Int-10 --match "nobody ever had to prove whose fault anything was" strategy.routinisation
ana suggestions accept --source Int-10 --match "Yes, that was the real test. Two" --code exante.resilience --memo "restates the business case"
ana suggestions reject --source Int-10 --match "It didn't end because anything went wrong." --code expost.investment --reason "about the merger; no investment decision"
ana suggestions reject --source Int-10 --match "Two councils, not three, helps enormously. We" --code expost.retained.it --reason "explains why there was little to fight about; no IT link described"

# ==== Case F (aborted: anticipated dependencies; dimensions only from decision documents) ====
# Doc-13 outline business case 2013
ana suggestions reject --source Doc-13 --match "The three councils propose a shared revenues" --code exante --reason "states the proposal, not a reason"
ana suggestions reject --source Doc-13 --match "The three councils propose a shared revenues" --code expost.retained.it --reason "no IT link"
ana suggestions reject --source Doc-13 --match "Financial pressure. Government grant to the three" --code expost.retained.finance --reason "financial pressure is a reason to share, not a finance link"
ana code Doc-13 --match "sharing offers one of the largest single savings available" exante --dim strength=moderate
ana suggestions accept --source Doc-13 --match "Scale. Economies of scale are expected from" --code exante.scale --dim strength=moderate
ana suggestions reject --source Doc-13 --match "a single management structure (saving £420,000)" --code strategy.internalisation --reason "a single management structure is the scale saving, not internalising a retained function"
ana suggestions reject --source Doc-13 --match "Resilience and skills. All three councils report" --code exante --reason "the sub-codes apply"
ana suggestions accept --source Doc-13 --match "Resilience and skills. All three councils report" --code exante.resilience --dim strength=moderate
ana suggestions accept --source Doc-13 --match "Resilience and skills. All three councils report" --code exante.expertise --dim strength=moderate
ana suggestions accept --source Doc-13 --match "Decision-making. The joint committee agreement will need" --code expost.veto --memo "anticipated: equal representation against quick decisions"
# Doc-14 Hollinsbridge Cabinet 2014
ana suggestions reject --source Doc-14 --match "The Cabinet considered the report of the" --code exante --reason "agenda heading"
ana suggestions accept --source Doc-14 --match "The Chief Executive reported that the full" --code exante --memo "the saving shrinks by a quarter (ICT exit costs, customer services removed)"
ana suggestions reject --source Doc-14 --match "Cllr. Sargent said that he supported sharing" --code exante.procurement --reason "Cllr Sargent's concerns are anticipated dependencies (veto, housing, IT), not procurement as a reason"
ana suggestions accept --source Doc-14 --match "Cllr. Sargent said that he supported sharing" --code expost.veto --dim strength=strong --dim direction=negative --memo "anticipated: a veto on budget and policy; a service designed for stock-holding councils; IT on Saltmere's timetable"
ana suggestions accept --source Doc-14 --match "Cllr. Ekwueme said that those were risks" --code expost.veto --dim strength=moderate --memo "'risks that could be managed'"
ana suggestions accept --source Doc-14 --match "RESOLVED (1) that the council does not" --code exante.resilience --memo "the resilience problem remains after the project is dropped"
# Int-11
ana suggestions reject --source Int-11 --match "Saltmere were going to host it. They're" --code expost.retained.it --reason "about the unanimity rule, not IT"
ana suggestions accept --source Int-11 --match "Saltmere were going to host it. They're" --code expost.veto --memo "anticipated: 'Everything would be slow'"
ana suggestions reject --source Int-11 --match "Hollinsbridge objected to the veto." --code expost.veto --reason "interviewer's question"
ana suggestions accept --source Int-11 --match "Because we own our housing stock. Our" --code expost.retained.housing --memo "anticipated; customer services taken out of the project"
ana suggestions reject --source Int-11 --match "Yes, that was us. Honestly, we asked" --code expost.veto --reason "the single scheme Caddon Vale asked for: coded expost.standardisation"
ana suggestions reject --source Int-11 --match "That was the big one. Saltmere were" --code exante.procurement --reason "the IT contracts as an anticipated investment dependency, not procurement as a reason"
ana code Int-11 --match "they'd have been paying their outsourcer and paying their share of a new shared system" expost.investment
ana suggestions accept --source Int-11 --match "Money. Hollinsbridge's savings went from nine hundred" --code expost.veto --memo "why the project ended: money, says the informant (contra Doc-15, the Hollinsbridge leader on vetoes)"
ana suggestions accept --source Int-11 --match "[laughs] Ian would say that. We hadn't" --code strategy.governance --memo "Hollinsbridge's request to limit the veto, refused by Saltmere and Caddon Vale"
ana suggestions reject --source Int-11 --match "We tried. Over the summer of 2014" --code expost.veto --reason "about the choice of governance model in the later talks: coded strategy.governance"
ana suggestions accept --source Int-11 --match "We tried. Over the summer of 2014" --code strategy.governance --memo "Saltmere's lead-authority offer in the later talks, refused by Caddon Vale's members"
ana suggestions reject --source Int-11 --match "We tried. Over the summer of 2014" --code strategy.routinisation --reason "the SLA is part of the lead-authority offer coded strategy.governance"
ana suggestions reject --source Int-11 --match "Looking back, were the fears about the" --code expost.veto --reason "interviewer's question"
ana suggestions reject --source Int-11 --match "Less, at the time. Looking back, perhaps" --code strategy.standardisation --reason "anticipated pressure to harmonise recovery: coded expost.standardisation"
ana code Int-11 --match "Somebody would have had to harmonise" expost.standardisation

# ==== Case G ====
# Doc-16 Mildenham Cabinet 2016
ana suggestions accept --source Doc-16 --match "The Cabinet considered the report of the" --code strategy.governance --memo "planned lead-authority model"
ana suggestions accept --source Doc-16 --match "Cllr. Felicity Mortimer said that Mildenham would" --code expost.queuing --dim strength=strong --dim direction=negative --memo "'joining a queue, not a partnership'"
ana suggestions accept --source Doc-16 --match "RESOLVED that the council does not proceed" --code exante.expertise --memo "the need for specialist capacity remains"
# Doc-29 Mildenham options paper 2015
ana suggestions reject --source Doc-29 --match "To consider options for the future delivery" --code strategy.governance --reason "restates the recommendation; the model is coded at 4.3"
ana suggestions reject --source Doc-29 --match "That the Cabinet agrees in principle that" --code strategy.governance --reason "restates the recommendation; the model is coded at 4.3"
ana suggestions accept --source Doc-29 --match "Performance is good: new benefit claims were" --code exante.expertise --dim strength=moderate
ana suggestions accept --source Doc-29 --match "Tarrow Heath, our neighbour to the west" --code exante.expertise --dim strength=moderate
ana suggestions reject --source Doc-29 --match "Tarrow Heath, our neighbour to the west" --code exante.procurement --reason "Tarrow Heath's existing system, not joint buying"
ana suggestions accept --source Doc-29 --match "Tarrow Heath, our neighbour to the west" --code exante.technology --dim strength=moderate
ana suggestions reject --source Doc-29 --match "Option B: buy in specialist support only." --code expost.retained.housing --reason "no housing link in Option B"
ana suggestions accept --source Doc-29 --match "Option C: lead authority partnership with Tarrow" --code strategy.governance --memo "planned lead-authority model"
ana suggestions accept --source Doc-29 --match "Scale. One management team, one system and" --code exante.scale --dim strength=moderate
ana suggestions accept --source Doc-29 --match "Resilience. In a team of more than" --code exante.resilience --dim strength=moderate
ana suggestions accept --source Doc-29 --match "Specialist staff. Mildenham would gain access to" --code exante.expertise --dim strength=moderate
ana suggestions accept --source Doc-29 --match "Technology. Mildenham would avoid the price rise" --code exante.technology --dim strength=moderate
ana suggestions accept --source Doc-29 --match "Policy. Mildenham would keep its own council" --code expost.standardisation --dim strength=moderate --dim direction=negative
ana suggestions accept --source Doc-29 --match "Links with retained services. Mildenham’s housing, customer" --code expost.retained --dim strength=moderate
ana suggestions reject --source Doc-29 --match "Links with retained services. Mildenham’s housing, customer" --code expost.retained.finance --reason "finance named among the retained services: coded expost.retained"
ana suggestions accept --source Doc-29 --match "Mildenham’s work queues behind Tarrow Heath’s backlog" --code expost.queuing --dim strength=moderate --dim direction=negative
ana suggestions reject --source Doc-29 --match "Mildenham’s work queues behind Tarrow Heath’s backlog" --code strategy.routinisation --reason "the mitigation is a safeguard for Mildenham (its own targets, reports to its client officer): coded strategy.formalisation"
ana suggestions accept --source Doc-29 --match "Mildenham’s work queues behind Tarrow Heath’s backlog" --code strategy.formalisation --memo "planned safeguard"
ana suggestions accept --source Doc-29 --match "Policy decisions reserved to each council in" --code strategy.formalisation --memo "planned safeguard"
ana suggestions accept --source Doc-29 --match "Option C offers the best combination of" --code exante.resilience --dim strength=moderate
ana suggestions accept --source Doc-29 --match "Option C offers the best combination of" --code exante.expertise --dim strength=moderate
# Int-12
ana suggestions reject --source Int-12 --match "The plan was for Tarrow Heath to" --code strategy.governance --reason "interviewer's question"
ana suggestions reject --source Int-12 --match "Yes. We'd employ the staff and host" --code strategy.routinisation --reason "the SLA is part of the lead-authority model, not a routine for a dependency"
ana code Int-12 --match "I wanted the governance as light as possible." strategy.governance
ana suggestions accept --source Int-12 --match "That's just not what the plan said." --code expost.queuing --memo "denies that Tarrow Heath would put its own backlog first (contra Doc-16)"
ana suggestions reject --source Int-12 --match "Cllr Mortimer said Mildenham would be" --code expost.queuing --reason "interviewer's question"
ana suggestions reject --source Int-12 --match "Delayed twice, yes, that's true. Once because" --code expost.retained.it --reason "the upgrade Mildenham was to part-fund: coded expost.investment"
ana code Int-12 --match "Mildenham were being asked to commit about thirty per cent of the cost of an upgrade we couldn't give them a date for." expost.investment
ana suggestions reject --source Int-12 --match "Yes, and I don't think Mildenham ever" --code expost.penalties --reason "the cost of the abandoned project, not a shared penalty"
ana suggestions reject --source Int-12 --match "I'd have dealt with the dependencies before" --code strategy.routinisation --reason "hindsight: what he would have done, not a strategy proposed at the time"
ana suggestions reject --source Int-12 --match "Was the lead authority model the wrong" --code strategy.governance --reason "interviewer's question"
ana suggestions reject --source Int-12 --match "No, I still think it was right." --code expost.retained.it --reason "about the governance model; no IT link"

# ==== Case H ====
# Doc-17 project board 2012
ana suggestions accept --source Doc-17 --match "Ormsby Fen's Chief Executive reported that his" --code expost.veto --dim strength=strong --dim direction=negative --memo "no governance model acceptable to all three Cabinets"
# Doc-30 outline business case 2011
ana suggestions reject --source Doc-30 --match "Shared revenues and benefits service: outline business" --code exante --reason "title"
ana suggestions accept --source Doc-30 --match "In March 2011 the three councils agreed" --code exante --dim strength=moderate
ana suggestions reject --source Doc-30 --match "In March 2011 the three councils agreed" --code expost.standardisation --reason "national changes to benefits as a reason to share, not pressure to standardise"
ana suggestions accept --source Doc-30 --match "Resilience. Each of the three teams has" --code exante.resilience --dim strength=moderate
ana suggestions accept --source Doc-30 --match "Specialist staff. None of the councils can" --code exante.expertise --dim strength=moderate
ana suggestions accept --source Doc-30 --match "Procurement. One system bought jointly, instead of" --code exante.procurement --dim strength=moderate
ana suggestions accept --source Doc-30 --match "Technology. A joint budget would pay for" --code exante.technology --dim strength=moderate
ana suggestions reject --source Doc-30 --match "Option 2: joint procurement of one system" --code expost.investment --reason "an option for joint procurement, not a dependency"
ana suggestions reject --source Doc-30 --match "Option 3: shared service under a joint" --code expost.retained.it --reason "option description; no IT link"
ana suggestions reject --source Doc-30 --match "Option 4: lead authority. One council delivers" --code strategy.governance --reason "an option considered and not preferred"
ana suggestions reject --source Doc-30 --match "Option 3 is preferred. It delivers the" --code strategy.governance --reason "prefers a joint committee for an equal voice: not a simplification of governance"
ana suggestions accept --source Doc-30 --match "Decisions delayed because one council has not" --code expost.veto --dim strength=strong --dim direction=negative
ana suggestions accept --source Doc-30 --match "Pressure to adopt one council tax support" --code expost.standardisation --dim strength=moderate --dim direction=negative
ana suggestions accept --source Doc-30 --match "Housing teams lose direct contact with benefit" --code expost.retained.housing --dim strength=strong
ana suggestions accept --source Doc-30 --match "Hosting on Wexcombe’s network; other councils’ IT" --code expost.retained.it --dim strength=moderate
ana suggestions accept --source Doc-30 --match "Subsidy lost through errors of the shared" --code expost.penalties --dim strength=strong
# Doc-31 Ormsby Fen Cabinet agenda 2012
ana suggestions reject --source Doc-31 --match "Shared revenues and benefits service with Greyling" --code exante --reason "agenda heading"
ana suggestions reject --source Doc-31 --match "Summary. The full business case for a" --code exante --reason "the sub-code applies"
ana suggestions accept --source Doc-31 --match "The report notes that under Option A" --code expost.standardisation --dim strength=moderate --dim direction=negative
# Int-13
ana suggestions reject --source Int-13 --match "This is interview Int-13, recorded on a" --code exante --reason "interviewer's introduction"
ana suggestions reject --source Int-13 --match "Money, and the fact that we were" --code strategy.internalisation --reason "a single management team is the scale saving, not internalisation"
ana suggestions reject --source Int-13 --match "Every benefits enquiry at our desk would" --code exante.resilience --reason "mentions resilience only to weigh it against the anticipated hand-offs"
ana suggestions reject --source Int-13 --match "I was going to say, I think" --code exante --reason "losing control of policy: coded expost.standardisation"
ana suggestions reject --source Int-13 --match "Partly. The joint procurement went ahead in" --code expost.investment --reason "the joint procurement that survived; no dependency described here"
ana suggestions reject --source Int-13 --match "A few. Upgrades have to be timed" --code expost.veto --reason "'Nobody has a veto over anybody': a contract, not veto players"
ana suggestions reject --source Int-13 --match "Some of them could have been designed" --code strategy.routinisation --reason "hindsight: what could have been designed, not a strategy proposed at the time"

# ==== Case I ====
# Doc-18 Linford Cross scrutiny 2017
ana suggestions reject --source Doc-18 --match "The Panel considered the call-in of the" --code exante.procurement --reason "names the procurement being ended; no reason given"
# Doc-32 Linford Cross executive report 2017
ana suggestions reject --source Doc-32 --match "The reasons for a joint procurement were" --code exante --reason "lead-in to the list of reasons"
ana code Doc-32 --match "large enough to attract national providers and competitive prices" exante.procurement --dim strength=moderate
ana suggestions accept --source Doc-32 --match "a provider could bring specialist staff (fraud" --code exante.expertise --dim strength=moderate
ana suggestions accept --source Doc-32 --match "a provider could bring specialist staff (fraud" --code exante.technology --dim strength=moderate
ana suggestions reject --source Doc-32 --match "a large provider could absorb peaks of" --code expost.retained.housing --reason "a large provider absorbing peaks is resilience, a reason to share: not a housing link"
ana code Doc-32 --match "a large provider could absorb peaks of work and cover absences" exante.resilience --dim strength=moderate
ana suggestions accept --source Doc-32 --match "Common policies. The bid assumes that both" --code expost.standardisation --dim strength=moderate --dim direction=negative
ana suggestions accept --source Doc-32 --match "Links with the councils’ own services. Housing" --code expost.retained.housing --dim strength=moderate
ana suggestions reject --source Doc-32 --match "Award the contract to the compliant bidder." --code expost --reason "the loss of control over policy is coded at 5.3 (expost.standardisation)"
ana suggestions accept --source Doc-32 --match "The recommendation to end the procurement is" --code exante.procurement --memo "the saving was 'the main reason for the project'"
ana suggestions reject --all --source Doc-32 --code exante.procurement --reason "headings, purpose, options, procedure and risk table of the procurement report: not reasons to share (the reasons are in 3.2, coded below)"
ana suggestions accept --source Doc-32 --match "The recommendation to end the procurement is" --code expost.standardisation --dim strength=moderate
# Int-14
ana suggestions reject --source Int-14 --match "How did the idea of a joint" --code exante.procurement --reason "interviewer's question"
ana suggestions reject --source Int-14 --match "It came out of the budget round" --code expost.retained.finance --reason "budget gaps are a reason to share, not a finance link"
ana suggestions reject --source Int-14 --match "Why an outsourced contract rather than one" --code expost.retained.it --reason "interviewer's question"
ana suggestions reject --source Int-14 --match "[pause] That was discussed. There was an" --code expost.retained.it --reason "about the choice of model; no IT link"
ana suggestions accept --source Int-14 --match "[pause] That was discussed. There was an" --code strategy.governance --memo "outsourcing chosen as neutral ground between the councils"
ana suggestions reject --source Int-14 --match "Not well. Our portfolio holder, Cllr Harriet" --code strategy.standardisation --reason "harmonisation resisted: the pressure is coded expost.standardisation (team convention)"
ana code Int-14 --match "any change of policy by one council after signing would be a contract variation" expost.standardisation
ana suggestions reject --source Int-14 --match "Final bids came in in January 2017." --code exante --reason "the outcome of the procurement, not the reasons"
ana suggestions accept --source Int-14 --match "No, honestly, I wouldn't. I've read those" --code expost.standardisation --memo "says the saving, not the common policies, ended it (contra Doc-18)"

# ==== Case J ====
# Doc-19 Otterholt Cabinet 2013
ana suggestions reject --source Doc-19 --match "Item 9: Revenues and benefits shared service" --code exante --reason "heading"
ana suggestions reject --source Doc-19 --match "The Leader reported that Sedgebrook District Council" --code strategy.governance --reason "mentions the planned model; the passage is about Sedgebrook's political withdrawal"
# Doc-34 Sedgebrook Cabinet 2012
ana suggestions reject --source Doc-34 --match "Revenues and benefits: proposed shared service with" --code exante --reason "item heading"
ana suggestions accept --source Doc-34 --match "The Cabinet considered report CAB/12/31 of the" --code strategy.governance --memo "planned lead-authority model"
ana suggestions reject --source Doc-34 --match "The Interim Head of Finance said the" --code strategy.internalisation --reason "a single management team is the saving, not internalisation"
ana suggestions accept --source Doc-34 --match "the draft agreement required Sedgebrook to adopt" --code expost.standardisation --dim strength=strong --dim direction=negative
ana suggestions reject --source Doc-34 --match "decisions on investment in the shared system" --code exante.technology --reason "investment decisions taken by Otterholt: an anticipated joint investment dependency, not a reason to share"
ana code Doc-34 --match "Sedgebrook would pay 45% of a document management system that Otterholt had already chosen" expost.investment --dim strength=strong --dim direction=negative
ana suggestions reject --source Doc-34 --match "housing benefit subsidy lost through errors of" --code exante --reason "subsidy risk: an anticipated dependency, coded expost.penalties"
ana suggestions accept --source Doc-34 --match "housing benefit subsidy lost through errors of" --code expost.penalties --dim direction=negative
ana suggestions accept --source Doc-34 --match "Sedgebrook’s customer services and housing teams would" --code expost.retained.housing --dim strength=moderate
ana suggestions reject --source Doc-34 --match "Cllr. Pryce said that the review confirmed" --code expost.retained.finance --reason "lost control of decisions, not a finance link; coded expost"
ana code Doc-34 --match "would no longer decide how they were made" expost --dim strength=strong --dim direction=negative
ana suggestions accept --source Doc-34 --match "Cllr. Coombes said that the council’s housing" --code expost.retained.housing --dim strength=strong
ana suggestions reject --source Doc-34 --match "Cllr. Coombes said that the council’s housing" --code strategy.routinisation --reason "reports the absence of a protocol for homeless households"
ana suggestions reject --source Doc-34 --match "RESOLVED (1) that the council withdraws from" --code exante --reason "the sub-codes apply"
ana suggestions reject --source Doc-34 --match "RESOLVED (1) that the council withdraws from" --code expost.retained.housing --reason "no housing link in the resolution"
ana suggestions reject --source Doc-34 --match "The Cabinet considered report CAB/12/32 of the" --code expost.veto --reason "car parking charges: unrelated item"
# Int-15
ana suggestions reject --source Int-15 --match "Former chief executive, Sedgebrook District Council (2008–2016)." --code exante --reason "interview header"
ana suggestions reject --source Int-15 --match "How did the idea of sharing revenues" --code exante --reason "interviewer's question"
ana suggestions reject --source Int-15 --match "And the model was a lead authority?" --code strategy.governance --reason "interviewer's question"
ana suggestions reject --source Int-15 --match "Yes, with Otterholt as the lead. They'd" --code exante.procurement --reason "Otterholt's existing system as a reason for it to host, not joint buying"
ana suggestions reject --source Int-15 --match "Yes, with Otterholt as the lead. They'd" --code strategy.routinisation --reason "the SLA as part of the lead-authority model, not a routine for a dependency"
ana code Int-15 --match "Yes, with Otterholt as the lead." strategy.governance
ana suggestions reject --source Int-15 --match "Well. [pause] When you get into the" --code strategy.routinisation --reason "reports that the draft SLA had one target for both councils, i.e. no routine for urgent cases: coded expost.queuing"
ana suggestions reject --source Int-15 --match "Well. [pause] When you get into the" --code strategy.governance --reason "what Sedgebrook would still control; no change to governance proposed"
ana code Int-15 --match "When I need a claim done today, who do I ring, and why would they put me first?" expost.queuing
ana suggestions accept --source Int-15 --match "[laughs] Well, that's Otterholt's view, and I" --code expost.standardisation --memo "the design problems fed the election (contra Doc-19, 'political rather than operational')"
ana suggestions reject --source Int-15 --match "I thought so at the time. [pause]" --code expost.standardisation --reason "reserved matters, not policy alignment: coded strategy.formalisation"
ana suggestions reject --source Int-15 --match "I thought so at the time. [pause]" --code strategy.governance --reason "reserved matters tighten governance: coded strategy.formalisation"
ana code Int-15 --match "we sent Otterholt a list of what we called reserved matters" strategy.formalisation --memo "fourteen reserved matters; Otterholt accepted three"
ana suggestions reject --source Int-15 --match "Exactly that. A lead authority arrangement works" --code exante.technology --reason "the document management system Sedgebrook would have had to fund: an anticipated joint investment"

# ==== Case K ====
# Doc-20 annual report 2012
ana suggestions accept --source Doc-20 --match "Housing. Quarterly liaison meetings with each council's" --code expost.queuing --dim strength=weak --dim direction=positive --dim predictability=predictable --memo "a named team so TA claims 'never wait in the general queue'"
ana suggestions reject --source Doc-20 --match "Subsidy. The subsidy risk-sharing protocol adopted in" --code exante --reason "sharing penalties is a strategy, not a reason to share"
ana suggestions accept --source Doc-20 --match "Subsidy. The subsidy risk-sharing protocol adopted in" --code expost.penalties --dim strength=weak --dim direction=positive --dim predictability=predictable --dim salience=low
ana suggestions accept --source Doc-20 --match "Decisions. The joint committee delegates operational decisions" --code expost.veto --dim strength=weak --dim predictability=predictable --dim salience=low
ana suggestions accept --source Doc-20 --match "The three councils adopted a common discretionary" --code expost.standardisation --dim strength=moderate --dim direction=positive
ana suggestions reject --source Doc-20 --match "We employ 118 staff. Sickness absence fell" --code exante.expertise --reason "achieved results, not the rationale (codebook exclusion)"
ana suggestions reject --source Doc-20 --match "The main risks for 2012/13 are the" --code expost.standardisation --reason "national changes as risks, not pressure to standardise"
ana suggestions reject --source Doc-20 --match "The main risks for 2012/13 are the" --code strategy.governance --reason "expanding the partnership, not simplifying its governance"
# Doc-21 joint committee 2019
ana suggestions accept --source Doc-21 --match "The Committee noted the auditor's certification of" --code expost.penalties --dim strength=weak --dim direction=positive --dim predictability=predictable --dim salience=low
ana suggestions accept --source Doc-21 --match "The Partnership Manager reported that the named" --code expost.retained.housing --dim direction=positive --dim predictability=predictable --dim salience=low
# Doc-24 Northern Counties Post 2017 (cases A and K: no dimension values, they would count for both)
ana suggestions accept --source Doc-24 --match "People who worked in both told the" --code expost.retained.housing --memo "about Southmarsh; the source belongs to A and K, so no dimension values"
ana suggestions accept --source Doc-24 --match "People who worked in both told the" --code expost.queuing --memo "about Southmarsh; the source belongs to A and K, so no dimension values"
ana suggestions reject --source Doc-24 --match "The Wolds partnership, by contrast, settled them" --code exante --reason "sharing penalties is a strategy, not a reason to share"
ana suggestions accept --source Doc-24 --match "The Wolds partnership, by contrast, settled them" --code expost.retained.housing --memo "about the Wolds; no dimension values (source of A and K)"
ana suggestions accept --source Doc-24 --match "The Wolds partnership, by contrast, settled them" --code expost.penalties --memo "about the Wolds; no dimension values (source of A and K)"
# Int-5
ana suggestions accept --source Int-5 --match "We had all of that. I don't" --code expost.retained.housing --dim strength=strong --memo "the near-collapse of 2007 (only here)"
ana suggestions accept --source Int-5 --match "We sat down and worked out every" --code expost.penalties --dim direction=positive --dim predictability=predictable
ana suggestions reject --source Int-5 --match "Of course. Hatherby always feel they pay" --code expost.retained.it --reason "about who pays for changes, not IT support"
ana suggestions reject --source Int-5 --match "Of course. Hatherby always feel they pay" --code expost.veto --reason "'Nobody gets a veto': the rule that the council wanting a change pays for it"
ana code Int-5 --match "the council that wants the change pays for the change" expost.standardisation --dim direction=positive --dim predictability=predictable
# Int-16
ana suggestions reject --source Int-16 --match "I'm what Ellerdyke calls the client officer." --code strategy.formalisation --reason "standing liaison, not added safeguards (coded routinisation)"
ana suggestions accept --source Int-16 --match "Everything that didn't go across. Housing's the" --code expost.retained.housing --dim strength=moderate
ana suggestions accept --source Int-16 --match "Everything that didn't go across. Housing's the" --code expost.retained.finance --dim predictability=predictable
ana suggestions reject --source Int-16 --match "Everything that didn't go across. Housing's the" --code expost.penalties --reason "the subsidy claim signed by Ellerdyke's s.151 officer: a finance link, no penalty"
ana suggestions accept --source Int-16 --match "By protocol, mostly. That sounds dry, but" --code expost.retained.housing --dim strength=moderate --dim direction=positive --dim predictability=predictable --dim salience=low
ana suggestions accept --source Int-16 --match "By protocol, mostly. That sounds dry, but" --code expost.queuing --dim strength=weak --dim direction=positive --dim predictability=predictable
ana suggestions accept --source Int-16 --match "Yes, in 2020, obviously, when homelessness went" --code expost.retained.housing --dim strength=moderate --dim direction=positive --dim predictability=predictable
ana suggestions accept --source Int-16 --match "Yes, in 2020, obviously, when homelessness went" --code expost.queuing --dim direction=positive --dim predictability=predictable
ana suggestions accept --source Int-16 --match "IT is the three-year technology plan. Every" --code expost.retained.it --dim strength=weak --dim predictability=predictable
ana suggestions accept --source Int-16 --match "IT is the three-year technology plan. Every" --code expost.investment --dim strength=moderate --dim direction=positive --dim predictability=predictable --dim salience=low
ana suggestions reject --source Int-16 --match "And policy — council tax support, discretionary" --code expost.standardisation --reason "interviewer's question"
ana suggestions accept --source Int-16 --match "There's been a common discretionary housing payment" --code expost.standardisation --dim strength=weak --dim direction=positive --dim predictability=predictable
ana suggestions accept --source Int-16 --match "Very little goes to members. The joint" --code expost.veto --dim strength=weak --dim predictability=predictable --dim salience=low

# ==== Case L ====
# Doc-22 health check 2014
ana suggestions reject --source Doc-22 --match "We were asked to assess whether the" --code exante --reason "scope of the review"
ana suggestions reject --source Doc-22 --match "We were asked to assess whether the" --code strategy.governance --reason "names the lead-authority model as scope"
ana suggestions accept --source Doc-22 --match "Housing. Brinkley Fen has a larger homelessness" --code expost.retained.housing --dim strength=moderate --dim direction=positive --dim predictability=predictable --dim salience=low
ana suggestions reject --source Doc-22 --match "Policy. The councils operate a single council" --code expost.queuing --reason "about the single council tax reduction scheme; coded expost.standardisation"
ana code Doc-22 --match "Both told us this was an easy decision because the two councils' political priorities were similar." expost.standardisation --dim strength=weak --dim direction=positive --dim salience=low
ana suggestions accept --source Doc-22 --match "Governance. Decisions are taken by a Partnership" --code expost.veto --dim strength=weak --dim predictability=predictable --dim salience=low --memo "approvals quick (contra Int-6 and Int-17 on IT changes)"
ana suggestions accept --source Doc-22 --match "Capacity. Staff sometimes feel pulled between the" --code expost.retained.finance --dim strength=moderate
ana suggestions reject --source Doc-22 --match "Introduce a quarterly ICT change schedule, agreed" --code expost.queuing --reason "a recommended routine for IT change requests; coded strategy.routinisation"
ana code Doc-22 --match "Introduce a quarterly ICT change schedule" strategy.routinisation
# Int-6
ana suggestions reject --source Int-6 --match "We're the smaller partner. Castlemere is the" --code expost.retained.it --reason "role description"
ana suggestions reject --source Int-6 --match "We're the smaller partner. Castlemere is the" --code strategy.routinisation --reason "the SLA as part of the lead-authority arrangement (coded strategy.governance)"
ana suggestions reject --source Int-6 --match "Because we couldn't carry on alone. In" --code expost.penalties --reason "subsidy problems before the partnership: a reason to share, not a shared penalty"
ana suggestions reject --source Int-6 --match "Less than you'd think. The obvious fear" --code strategy.formalisation --reason "standing targets and reports: coded routinisation"
ana suggestions accept --source Int-6 --match "IT is the sore point. [pause] I'll" --code expost.queuing --dim strength=moderate --dim direction=negative --dim "predictability=partly predictable" --memo "the live irritant: IT change requests"
ana suggestions reject --source Int-6 --match "IT is the sore point. [pause] I'll" --code strategy.formalisation --reason "the change schedule is a routine, not a safeguard"
ana suggestions reject --source Int-6 --match "No. It's irritating, not fundamental. If it" --code expost.retained.housing --reason "hypothetical ('if it was...'); no housing dependency described"
ana suggestions reject --source Int-6 --match "Mostly they aren't, in the sense that" --code strategy.routinisation --reason "delegation, not a routine (coded strategy.governance)"
ana suggestions reject --source Int-6 --match "Mostly they aren't, in the sense that" --code strategy.formalisation --reason "governance made lighter, not tighter (exclusive with strategy.governance)"
# Int-17
ana suggestions reject --source Int-17 --match "Interview Int-17. Operations manager, Castlemere Fen Shared" --code strategy.governance --reason "interview header"
ana suggestions reject --source Int-17 --match "I'm the operations manager for the shared" --code exante --reason "role description"
ana suggestions reject --source Int-17 --match "From the host's side, what's hardest about" --code expost.retained.it --reason "interviewer's question"
ana suggestions accept --source Int-17 --match "Deadlines. Two councils, two sets of members" --code expost.retained.finance --dim strength=moderate --dim predictability=predictable
ana suggestions reject --source Int-17 --match "Deadlines. Two councils, two sets of members" --code expost.penalties --reason "the subsidy claim listed among deadlines; no penalty"
ana suggestions reject --source Int-17 --match "Deadlines. Two councils, two sets of members" --code expost.veto --reason "two sets of members wanting things at once: deadlines, not approvals"
ana suggestions reject --source Int-17 --match "It's still true, but it's managed. The" --code expost.retained.it --reason "about priorities between councils; no IT link"
ana suggestions reject --source Int-17 --match "It's still true, but it's managed. The" --code strategy.formalisation --reason "standing targets and reports: coded routinisation"
ana suggestions accept --source Int-17 --match "For Brinkley Fen it's the temporary accommodation" --code expost.retained.housing --dim strength=moderate --dim direction=positive --dim predictability=predictable --dim salience=low
ana suggestions accept --source Int-17 --match "It has. I'd be lying if I" --code expost.retained.it --dim strength=moderate --dim direction=negative --dim "predictability=partly predictable"
ana suggestions accept --source Int-17 --match "It has. I'd be lying if I" --code expost.queuing --dim direction=negative
ana suggestions accept --source Int-17 --match "Most decisions aren't made between the councils" --code expost.veto --dim strength=weak --dim predictability=predictable --dim salience=low
ana suggestions reject --source Int-17 --match "Most decisions aren't made between the councils" --code strategy.routinisation --reason "delegation, not a routine (coded strategy.governance)"
ana suggestions accept --source Int-17 --match "We agreed a risk-sharing rule in 2015" --code expost.retained.housing --dim strength=moderate --dim direction=positive --dim predictability=predictable

# ==== Case M ====
# Doc-23 joint committee 2020
ana suggestions reject --source Doc-23 --match "The Committee considered the option to extend" --code exante.procurement --reason "the move to an outsourced contract to end disputes is a governance strategy, not joint buying"
ana code Doc-23 --match "the councils had moved from an in-house joint service to an outsourced contract in 2012" strategy.governance
# Doc-35 contract variation report 2021
ana suggestions reject --source Doc-35 --match "Skelby, Kirkholme, Hensford and Dewlish Vale formed" --code strategy.governance --reason "background on the original joint committee"
ana suggestions accept --source Doc-35 --match "Those aims were met, but between 2007" --code expost.standardisation --dim strength=strong --dim direction=negative --memo "the in-house years, 2007-2011"
ana suggestions accept --source Doc-35 --match "Those aims were met, but between 2007" --code expost.veto --dim strength=strong --dim direction=negative --memo "the in-house years, 2007-2011"
ana suggestions accept --source Doc-35 --match "Those aims were met, but between 2007" --code strategy --memo "market testing recommended in 2011"
ana suggestions accept --source Doc-35 --match "Provider bears losses from its errors above" --code expost.penalties --dim strength=weak --dim direction=positive --dim predictability=predictable
ana suggestions accept --source Doc-35 --match "Team of four; monthly liaison with each" --code expost.retained.housing --dim direction=positive --dim predictability=predictable
ana suggestions reject --source Doc-35 --match "The extension is within the scope of" --code exante.procurement --reason "the legal scope of the original procurement"
ana suggestions reject --source Doc-35 --match "Contact: Paul Kinsella, Partnership Client Manager, 01632" --code strategy.relationships --reason "contact details"
# Doc-36 agenda 2021
ana suggestions reject --all --source Doc-36 --reason "agenda item titles; the items are coded in the minutes (Doc-37)"
# Doc-37 joint committee 2021
ana suggestions accept --source Doc-37 --match "a change to the subsidy clause, so" --code expost.penalties --dim direction=positive --dim predictability=predictable
ana suggestions accept --source Doc-37 --match "The Client Manager reported that the named" --code expost.retained.housing --dim strength=moderate --dim direction=positive --dim predictability=predictable --dim salience=low
ana suggestions accept --source Doc-37 --match "The committee noted that the auditor had" --code expost.penalties --dim strength=weak --dim direction=positive --dim predictability=predictable
# Doc-38 web page 2021
ana suggestions reject --source Doc-38 --match "The four councils set up the partnership" --code exante --reason "the sub-code applies"
ana suggestions accept --source Doc-38 --match "Kirkholme Borough Council still sets its own" --code expost.retained.housing --dim direction=positive --dim predictability=predictable --dim salience=low
ana suggestions accept --source Doc-38 --match "The partnership is overseen by the Four" --code expost.veto --dim strength=weak --dim predictability=predictable
# Int-18
ana suggestions accept --source Int-18 --match "Investment. In 2010 the system needed replacing" --code expost.veto --dim strength=strong --dim direction=negative --memo "the in-house years"
ana suggestions accept --source Int-18 --match "Investment. In 2010 the system needed replacing" --code expost.investment --dim strength=strong --dim direction=negative --memo "the in-house years"
ana suggestions reject --source Int-18 --match "Investment. In 2010 the system needed replacing" --code strategy.governance --reason "the veto under joint committee rules; no governance change described"
ana suggestions accept --source Int-18 --match "The principle was: take the things we" --code expost.queuing --dim direction=positive --dim predictability=predictable --memo "the contract decides whose work goes first"
ana suggestions reject --source Int-18 --match "And subsidy — penalties for errors?" --code expost.penalties --reason "interviewer's question"
ana suggestions accept --source Int-18 --match "The contract has a subsidy performance clause." --code expost.penalties --dim direction=positive --dim predictability=predictable
# Int-19
ana suggestions reject --source Int-19 --match "I'm housing options manager at Dewlish Vale" --code expost.retained.housing --reason "role description"
ana suggestions accept --source Int-19 --match "A lot. More than people outside housing" --code expost.retained.housing --dim strength=strong
ana suggestions accept --source Int-19 --match "Honestly? Hit and miss. It was all" --code expost.queuing --dim strength=strong --dim direction=negative --dim predictability=unpredictable --memo "the in-house years (before 2012)"
ana suggestions accept --source Int-19 --match "Honestly? Hit and miss. It was all" --code strategy.relationships --memo "the in-house years: 'it depended who you knew'"
ana suggestions accept --source Int-19 --match "Better from the start, and much better" --code expost.retained.housing --dim direction=positive --dim predictability=predictable --dim salience=low
ana suggestions accept --source Int-19 --match "The flexible resourcing clause. That came in" --code expost.retained.housing --dim direction=positive --dim "predictability=partly predictable" --memo "origin of the flexible resourcing clause (contra Int-18)"
ana suggestions reject --source Int-19 --match "There's a protocol. Dewlish Vale sets the" --code strategy.formalisation --reason "a protocol, not an added safeguard (coded routinisation)"
ana suggestions accept --source Int-19 --match "There's a protocol. Dewlish Vale sets the" --code expost.retained.housing --dim direction=positive --dim predictability=predictable
ana suggestions reject --source Int-19 --match "Was there pressure to standardise housing-related policies" --code strategy.standardisation --reason "interviewer's question"
ana suggestions reject --source Int-19 --match "On discretionary payments, a little. The contractor" --code expost.retained.housing --reason "a common framework for discretionary payments: coded strategy.standardisation"
ana suggestions reject --source Int-19 --match "On discretionary payments, a little. The contractor" --code expost.queuing --reason "no queuing; about a common framework"
ana code Int-19 --match "The four councils agreed a common framework" strategy.standardisation
ana suggestions accept --source Int-19 --match "Mostly they don't need to. The system's" --code expost.retained.it --dim strength=weak --dim predictability=predictable

# ==== The rest: read and found right; accepted without dimension values ====
ana suggestions accept --all --code exante
ana suggestions accept --all --code exante.expertise
ana suggestions accept --all --code exante.procurement
ana suggestions accept --all --code exante.resilience
ana suggestions accept --all --code exante.scale
ana suggestions accept --all --code expost.investment
ana suggestions accept --all --code expost.queuing
ana suggestions accept --all --code expost.retained.finance
ana suggestions accept --all --code expost.retained.housing
ana suggestions accept --all --code expost.retained.it
ana suggestions accept --all --code expost.standardisation
ana suggestions accept --all --code expost.veto
ana suggestions accept --all --code strategy.governance
ana suggestions accept --all --code strategy.routinisation
ana suggestions accept --all --code strategy.standardisation
