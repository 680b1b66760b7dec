## Officers: case cards, triage, relay, commands (moderator group). Reporter-side relay texts too.

card-case = Case
card-urgent = URGENT
card-status = Status
card-assigned = Assigned to
card-officer = officer
card-reporter = Reporter
card-reporter-self = received the offer
card-reporter-family_friend = relative or friend
card-reporter-abroad = abroad now
card-reporter-other = other
card-contact-allowed = may be contacted
card-departed = Someone already left
card-passport-taken = passport taken
card-can-communicate = can communicate
card-departed-when = left
card-departed-last-contact = last contact
card-departed-whereabouts = may be at
card-location = shared location
card-seen-in = { $count ->
        [one] seen in 1 other report
       *[other] seen in { $count } other reports
    }
card-offer-matches = { $count ->
        [one] the offer text matches 1 earlier report
       *[other] the offer text matches { $count } earlier reports
    }
card-additions = { $count ->
        [one] 1 addition from the reporter
       *[other] { $count } additions from the reporter
    }
card-addition-posted = ➕ Case { $id }: the reporter added information
card-addition-own-phone = [the reporter's phone: use Reveal contact]
card-notes = { $count ->
        [one] 1 officer note
       *[other] { $count } officer notes
    }
card-forwarded = { $count ->
        [one] posted to 1 focal-point channel
       *[other] posted to { $count } focal-point channels
    }
card-forward-failed = Focal-point post failed
card-reasons-title = Warning signs
card-reason-other = another warning sign ({ $id })
card-history = History
card-button-take = 🙋 Take it
card-button-urgent = 🆘 Mark urgent
card-button-confirm = ⛔ Scam confirmed
card-button-notscam = ✅ Not a scam
card-button-info = ❓ Need more info
card-button-escalate = 📤 Escalate to focal point
card-button-close = 🗄 Close
card-button-reopen = ↩️ Reopen
card-button-reveal = 🔓 Reveal contact

triage-invalid = This button is not valid.
triage-wrong-chat = Case buttons work only in the officers' group.
triage-not-officer = Only officers (administrators of this group) can do that.
triage-no-report = This case no longer exists.
triage-already = Already { $status }.
triage-not-allowed = Not possible: a case that is "{ $from }" cannot become "{ $to }".
triage-done = Done: { $status }.
triage-taken = The case is yours.
triage-already-yours = You already have this case.
triage-marked-urgent = Marked urgent.
triage-already-urgent = Already urgent.
triage-no-consent = The reporter did not agree to be contacted.
triage-contact = Contact for { $id }: { $contact } (this reveal is recorded)
triage-contact-bot-only = no phone shared — write to them with /ask in this thread
triage-ask-how = Write your question for the reporter of { $id } as a reply to the card, starting with /ask — for example: /ask When did your son last call you?

relay-ask-empty = Write the question after /ask, for example: /ask Which city did they fly to?
relay-no-consent = The reporter did not agree to be contacted, so the question cannot be sent.
relay-queued = ✉️ Sent to the reporter. Their answer will appear here.
relay-reporter-answered = 💬 The reporter of case { $id } answers:

reply-prompt = Write your answer for the officers of case { $id } (text or a screenshot). They will not see your name or number.
reply-delivered = ✅ Sent to the officers handling case { $id }.
reply-failed = Your answer could not be delivered for case { $id }. Please try again later.
reply-already-answered = You have already answered this question of case { $id }. To tell the officers more, open /myreports and press "Reply to the officers" under the case.
reply-unsupported = Only text or a screenshot (as a photo) can be sent to the officers of case { $id }. Please send your answer as text or a photo.
reply-follow-up-ask = You just answered the officers of case { $id }. Send this message to them too?
reply-follow-up-yes = ✅ Yes, send it
reply-follow-up-no = No
reply-follow-up-kept = Not sent to the officers of case { $id }. If it is a job offer you want checked, send it to me again.
my-reports-reply = 💬 Reply to the officers of { $id }

find-usage = Use: /find followed by a phone number, @username, link, agency name or case number.
find-unparseable = I could not read a phone number, @username, link, agency or case number in that.
find-none = Nothing is known about that yet.
find-total = { $count ->
        [one] 1 report mentions it:
       *[other] { $count } reports mention it:
    }
stats-title = Reports in the last { $days } days: { $total }
stats-by-status = By status
stats-by-level = By level
stats-by-destination = By destination
stats-by-reporter = By reporter
stats-urgent-open = urgent and open: { $count }
stats-median = median time to first action: { $minutes } min
stats-campaigns = Outreach links (since the start)
stats-campaign = { $starts } came, { $checks } checks, { $reports } reports
stats-top = Most reported
stats-check-feedback = Checks rated: 👍 helpful { $up } · 👎 not helpful { $down }
list-usage = Use: /list for all open cases, or /list followed by a status: { $statuses }.
list-none = No open cases. 🎉
list-none-status = No cases with the status "{ $status }".
list-title = Open cases, oldest first ({ $count } in all):
list-title-status = Cases "{ $status }", oldest first ({ $count } in all):
list-word-received = new
list-word-in_review = in review
list-word-needs_info = needs info
list-word-confirmed_scam = scam
list-word-not_scam = not scam
list-word-escalated = escalated
list-word-closed = closed
list-words-received = new, received
list-words-in_review = in review, in progress, reviewing, taken
list-words-needs_info = needs info, need info, needs information, more info
list-words-confirmed_scam = scam, confirmed, confirmed scam
list-words-not_scam = not scam, not a scam, legit
list-words-escalated = escalated, focal point, forwarded
list-words-closed = closed, done
export-usage = Use: /export, or /export 2025-01-01 2025-01-31 (from and to, inclusive).
export-caption = Reports export (CSV). It contains no reporter identity; handle it as confidential.
mark-usage = Use: /mark followed by the phone, @username, link or agency, then known, licensed or clear — for example: /mark +855 12 345 678 known
mark-cleared = mark removed

card-model-title = 🤖 Model notes
card-model-disclaimer = automatic, not verified; the rules and officers decide
card-model-level = Model suggests: { $level } (rules: { $rules })
card-model-injection = The offer contains instructions aimed at the model; they were ignored and the rule level kept
card-model-injection-encoded = The offer hides instructions aimed at the model (encoded); they were ignored and the rule level kept
card-model-discarded = { $count ->
        [one] 1 model finding was discarded: its quote is not in the offer
       *[other] { $count } model findings were discarded: their quotes are not in the offer
    }
card-model-extracted = Read from the offer
card-model-fees = fees
card-model-visa = visa
card-model-route = route
card-model-needs-review = The model's answer needs review: { $reason }
card-model-failed = The model could not be reached ({ $reason }); rules only.
card-model-skipped-circuit_open = The model is paused after repeated failures; rules only.
card-model-skipped-budget = The model's daily budget is used up; rules only.
card-model-skipped-no_text = No offer text for the model; rules only.

officer-help-title = Waspada for officers. Each report arrives as a case card (in its own topic when the group has topics); the buttons under it act on the case. Commands:
officer-help-buttons = A message in a case's topic, or a reply to its card, is a note for officers. /ask in it sends a question to the reporter without revealing either of you.
officer-unknown-command = I do not know that command. /help lists what officers can do here.
cmd-officer-help = what officers can do here
cmd-officer-list = open cases, oldest first; /list needs more info, /list being reviewed …
cmd-officer-find = a phone, @username, link, agency or case number
cmd-officer-stats = figures of the last 30 days, or /stats 7
cmd-officer-ask = in a case topic or as a reply to a card: a question for the reporter
cmd-officer-export = cases as a spreadsheet (CSV) without reporter identity
cmd-officer-exchange = cases shared with focal points (JSON Lines)
cmd-officer-mark = mark a contact as known recruiter, licensed agency, or clear it
relay-ask-where = /ask sends a question to the reporter of a case. Write it in the case's topic, or as a reply to the case card — for example: /ask Which city did they fly to?
