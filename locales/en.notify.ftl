## Waspada — focal-point channel posts and messages to reporters (English).
## Keys are used by src/render/channel-post.ts and src/jobs/.

## Focal-point channel post (no reporter identity, ever)
focal-case = Case
focal-urgent = URGENT
focal-level = Risk level
focal-flagged = Flagged because
focal-flagged-level = the risk level reached the forwarding threshold
focal-flagged-urgent = it is marked urgent
focal-flagged-escalated = an officer escalated it
focal-reported-by = Reported by
focal-reporter-self = the person who received the offer
focal-reporter-family_friend = a relative or friend
focal-reporter-abroad = a person already abroad
focal-reporter-other = someone else
focal-reported-on = Reported on
focal-destination = Destination
focal-job = Job offered
focal-salary = Salary as promised
focal-fees = Fees
focal-fees-to = to
focal-passport-handed = Passport handed to the recruiter
focal-recruiter = Recruiter
focal-reasons = Why it was flagged
focal-more = …and { $count } more
focal-known-recruiter = A contact of this recruiter was marked by officers as a known recruiter of illegal placements.
focal-known-reported = A contact of this recruiter was reported before.
focal-departed = Someone has already left for this job
focal-departed-when = Left
focal-departed-can-communicate = Can still communicate
focal-departed-passport-taken = Passport taken
focal-departed-whereabouts = Possible whereabouts
focal-media = { $count ->
        [one] 1 screenshot follows.
       *[other] { $count } screenshots follow.
    }
focal-repeated = Sent again after a connection failure: if this case appears twice, both posts are the same case.

## Status updates to the reporter (once per status change)
notify-status-received =
    📥 Update on your case { $id }: your report was received.

    What it means: officers will review it. You will get a message here whenever its status changes.
    What you can do: add new messages or screenshots from the recruiter at any time under "My reports".
notify-status-in_review =
    🔎 Update on your case { $id }: an officer is now reviewing your report.

    What it means: someone is looking at it; you do not need to do anything.
    What you can do: if you learn something new (new messages, a departure date, a pick-up place), add it under "My reports".
notify-status-needs_info =
    ❓ Update on your case { $id }: the officers need more information.

    What it means: they may send you a question here, through this bot.
    What you can do: answer their question, or add texts and screenshots under "My reports" → "Add information".
notify-status-confirmed_scam =
    ⚠️ Update on your case { $id }: officers confirmed it is a scam.

    What it means: this is not a real job. Do not pay anything, do not send documents or photos of your ID, and do not travel with this recruiter.
    What you can do: warn people who received the same offer. If someone already left, contact Portal Peduli WNI (peduliwni.kemlu.go.id) or the Safe Travel app now.
notify-status-escalated =
    📨 Update on your case { $id }: your report was sent to the contact officers in the destination country.

    What it means: authorities there can now act on it. Your name and contact details were not shared.
    What you can do: keep any new messages from the recruiter and add them under "My reports".
notify-status-closed =
    ✅ Update on your case { $id }: the case is closed. Thank you for reporting.

    What it means: officers finished their work on this report.
    What you can do: before accepting any job abroad, check the agency and its job vacancy in SISKOP2MI (the government's site for jobs abroad) or at your local migrant workers' office (BP3MI). If something new happens, send a new report with /report.

## Anonymous relay: an officer's question to the reporter
relay-header = 💬 The officer handling case { $id } asks:
relay-how-to-answer = ↩️ To answer, reply to this message (swipe it to the left, or tap it and choose Reply). The officer does not see your name, username or phone number.
relay-placeholder = Your answer for case { $id }
