## Waspada — focal points as partners (English): the channel post, its buttons, the weekly digest,
## and what officers and reporters see of focal points' answers. km.focal.ftl mirrors every
## "fp-" key (the post is the only Khmer text the bot writes).

## The post in a focal-point channel (no reporter identity, ever)
fp-case = Case
fp-urgent = URGENT
fp-level = Risk level
fp-level-name-low = low
fp-level-name-medium = medium
fp-level-name-high = high
fp-level-name-critical = very high
fp-status = Case status
fp-status-received = received
fp-status-in_review = under review by Indonesian officers
fp-status-needs_info = waiting for more information from the reporter
fp-status-confirmed_scam = confirmed as a scam by Indonesian officers
fp-status-not_scam = not a scam
fp-status-escalated = referred to your focal point
fp-status-closed = closed
fp-flagged = Flagged because
fp-flagged-level = the risk level ({ $level }) reached the forwarding threshold ({ $threshold })
fp-flagged-urgent = the case is marked urgent: a person may be in danger now
fp-flagged-escalated = an Indonesian officer reviewed it and referred it to you
fp-reported-by = Reported by
fp-reporter-self = the person who received the offer
fp-reporter-family_friend = a relative or friend
fp-reporter-abroad = a person already abroad
fp-reporter-other = someone else
fp-reported-on = Reported on
fp-destination = Destination
fp-job = Job offered
fp-salary = Salary as promised
fp-fees = Fees
fp-fees-to = paid to
fp-money-none = no money asked
fp-money-asked = money was asked
fp-money-paid = money was paid
fp-usd = ≈ USD { $amount }
fp-passport-handed = Passport handed to the recruiter
fp-answer-yes = yes
fp-answer-no = no
fp-answer-unknown = unknown
fp-recruiter = Recruiter
fp-identifier-phone = Phone
fp-identifier-whatsapp = WhatsApp
fp-identifier-telegram_handle = Telegram
fp-identifier-telegram_user_id = Telegram account
fp-identifier-domain = Website
fp-identifier-url = Link
fp-identifier-email = E-mail
fp-identifier-agency = Agency or company
fp-identifier-bank_account = Bank account
fp-reasons = Warning signs
fp-reason-job_lure = job lure typical of online-scam compounds (customer service, admin, marketing, no experience needed)
fp-reason-destination = destination associated with scam compounds
fp-reason-process_irregularity = recruitment outside the legal placement procedure (tourist visa, no contract, no licensed agency)
fp-reason-recruiter_channel = recruitment only through chat apps or social media
fp-reason-forced_labour_sign = signs of forced labour or confinement
fp-reason-pay = salary implausibly high for the job offered
fp-reason-requirements = unusually low requirements for the job
fp-reason-cost_debt = fees or debt imposed on the worker
fp-reason-travel_route = irregular travel route arranged by the recruiter
fp-reason-document_control = the recruiter takes control of identity documents
fp-reason-urgency_pressure = pressure to decide or leave quickly
fp-reason-identity_opacity = the employer or recruiter hides their identity
fp-reason-manipulation = attempts to mislead screening
fp-known-recruiter = A contact of this recruiter is marked by Indonesian officers as a known illegal recruiter.
fp-known-reported = A contact of this recruiter was reported before.
fp-more = …and { $count } more
fp-departed = A person has already left for this job
fp-departed-when = Left on
fp-departed-can-communicate = Can still communicate
fp-departed-passport-taken = Passport taken
fp-departed-whereabouts = Possible whereabouts
fp-quoted-note = Text in quotation marks is the reporter's own words, not translated.
fp-media = { $count ->
        [one] 1 screenshot follows.
       *[other] { $count } screenshots follow.
    }
fp-repeated = Sent again after a connection failure: if this case appears twice, both posts are the same case.
fp-response = Your response
fp-response-none = none yet — please use the buttons below

## Focal points' answers (buttons under the post)
fp-answer-received = Received
fp-answer-investigating = Investigating
fp-answer-located = Person located
fp-answer-safe = Person safe / returned
fp-answer-not_ours = Not in our jurisdiction
fp-answer-need_info = Need more information
fp-recorded = Recorded: { $answer }
fp-already = This answer is already recorded.
fp-not-admin = Only administrators of this channel can answer on cases. Nothing was changed.
fp-closed = This case is closed. Nothing was changed.
fp-invalid = This button is no longer valid.

## Weekly digest in each focal-point channel
fp-digest-title = Weekly summary ({ $from } – { $to })
fp-digest-new = New cases this week: { $count }
fp-digest-open = Open cases: { $count }
fp-digest-outstanding = Cases waiting for your response: { $count }
fp-digest-none = —

## What officers see (moderator group)
focal-card-response = { $country } focal point: { $answer }, { $time }
focal-card-waiting-review = ⏸ Waiting for review: not sent to a focal point until an officer presses "Escalate to focal point".
focal-card-deadline-urgent_take = ⏳ Urgent case not taken yet: { $left } left
focal-card-deadline-focal_ack = ⏳ Focal-point acknowledgement due: { $left } left
focal-card-deadline-need_info = ⏳ Waiting for the reporter's information: { $left } left
focal-card-deadline-overdue = overdue
focal-reminder-urgent_take = ⏰ Case { $id } is urgent and nobody has taken it for { $duration }. Press "Take it".
focal-reminder-focal_ack = ⏰ Case { $id } went to the focal point { $duration } ago and nobody there has acknowledged it. Consider contacting them directly.
focal-reminder-need_info = ⏰ Case { $id } has waited { $duration } for more information from the reporter. Follow up or close the case.
focal-need-info-topic = ❓ The { $country } focal point asks for more information on case { $id }. Officers may relay a question to the reporter with /ask, and add what you learn as a note.
focal-duration-minutes = { $count ->
        [one] 1 minute
       *[other] { $count } minutes
    }
focal-duration-hours = { $count ->
        [one] 1 hour
       *[other] { $count } hours
    }
focal-stats-sla = Deadlines met: { $kinds }
focal-stats-sla-kind-urgent_take = urgent taken in time { $met }/{ $total }
focal-stats-sla-kind-focal_ack = focal acknowledgement { $met }/{ $total }
focal-stats-sla-kind-need_info = information in time { $met }/{ $total }
focal-exchange-usage = Use: /exchange [from] [to], dates as YYYY-MM-DD (default: the last 30 days).
focal-exchange-caption = Cases shared with focal points, as JSON Lines (schema version { $version }, see docs/exchange.md). No reporter identity.
focal-exchange-none = No case was shared with a focal point in this period.

## What the reporter hears (their language, plain words, no foreign officer's name)
focal-notify-located =
    🙏 Update on your case { $id }: the authorities in the destination country report that the person has been located.

    What it means: they know where the person is. Officers in Indonesia will keep following the case.
    What you can do: if you hear from the person, add it under "My reports".
focal-notify-safe =
    🙏 Update on your case { $id }: the authorities in the destination country report that the person is safe or has returned.

    What it means: the person is no longer where they were held, as far as the authorities know.
    What you can do: if the person needs help after returning, contact BP2MI / KP2MI or Portal Peduli WNI.
