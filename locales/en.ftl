## Waspada — English. Messages of the bot itself; screening texts are in en.screening.ftl.

language-name = English

## Commands (shown in Telegram's command menu)
cmd-start = Start: what this bot does
cmd-help = How to use Waspada
cmd-language = Change language
cmd-privacy = What we store and who sees it

## /start
start-welcome =
    Hello { $name }! 👋 I am Waspada ("be alert").

    I help you check whether an overseas job offer is safe, before you pay anything or travel.
    Many people have been promised jobs such as "customer service, no experience, USD 1,000 a month, ticket paid" and were taken to scam compounds in Cambodia, Myanmar or Laos, where their passports were taken.

    What you can do here:
    • Check an offer: paste or forward it to me, and I will tell you how risky it looks and why.
    • Report a recruiter or an offer, or a person who has already left and may be in danger.

    This bot is run by { $operator }. Officers who receive reports never see your name or number unless you agree.
    /help shows how it works, /privacy what we store.
start-welcome-contact = Contact: { $contact }

## /help
help-text =
    How to use Waspada:

    • Send or forward me the text of a job offer, or a phone number, @username or link of a recruiter. I answer with a risk level, the warning signs I found (quoted from the text) and what to do.
    • /language — choose English or Bahasa Indonesia.
    • /privacy — what is stored, for how long, and who can see it.

    If someone is in danger right now, call the Indonesian migrant worker hotline (KP2MI/BP2MI) 0800-1000 or the nearest Indonesian embassy.

## /language
language-choose = Choose your language:
language-changed = Language set to English. 🇬🇧
language-already = English is already your language.

## /privacy
privacy-text =
    Privacy — what Waspada keeps and who sees it

    This bot is run by { $operator }.

    • Checks: the text you send to check is screened at once and is not stored with your identity.
    • Your settings: your language choice, kept for { $sessionDays } days after your last message.
    • Reports (when you send one): the offer, screenshots and recruiter details are kept for up to { $retentionDays } days so officers can act and link reports about the same recruiter.
    • Your identity: your Telegram account is stored only as a one-way code. Contact details you choose to give are encrypted. Officers, and the contact officers in other countries, never see your name, username or number unless you agreed to be contacted.
    • You can ask to see or delete your data at any time.

    Never send passwords or bank PINs here.

## Everything else
unhandled-text = I did not understand that. Send me the text of a job offer to check it, or use /help.
unhandled-group = I work in private chat: open @{ $bot } and press Start.
callback-expired = This button has expired. Please start again with /start.

## Errors
error-unavailable = ⏳ Waspada is temporarily unavailable. Please try again in a minute.
error-generic = Sorry, something went wrong on our side. Please try again; if it keeps happening, use /start.

cmd-report = Report a recruiter or an offer
cmd-myreports = My reports and their status
cmd-mydata = What is stored about me
cmd-delete = Delete my data
cmd-cancel = Stop what I am doing

## Main menu
menu-title = What would you like to do?
menu-check = 🔍 Check an offer
menu-report = 📝 Report a recruiter or offer
menu-danger = 🆘 Someone is in danger now
menu-mine = 📂 My reports
menu-safe = 🛡 Stay safe
menu-language = 🌐 Language

stay-safe =
    🛡 Before you go abroad to work

    • Legal work abroad goes through the government or a licensed placement agency (P3MI) holding the Ministry's licence (SIP2MI). Check the agency and its job vacancy in SISKOP2MI (the government's site for jobs abroad) before you pay or sign anything.
    • Never travel on a tourist or visit visa to work. You need a work visa and a written contract before you leave.
    • Never hand over your passport. Keep copies with your family.
    • Be very careful with "customer service", "admin", "marketing", "typing" or "online game" jobs in Cambodia, Myanmar, Laos or Thailand that promise a high salary with no experience: many are scam compounds.
    • Tell your family exactly where you go, with the company name, the address and a contact number, and agree on a regular call time.
    • Free help: the migrant workers ministry's complaints line (KP2MI, formerly BP2MI) 0800-1000, or the Indonesian embassy through Portal Peduli WNI or the Safe Travel app.

danger-intro =
    🆘 If someone is in danger now, call for help first:

## Check an offer
check-prompt = Paste or forward the offer to me — the text of the message, or a phone number, @username or link of the recruiter.
check-screenshot-hint = I can only read text for now. Paste the text of the offer, or choose "Report" in the menu to send screenshots to the officers.
check-expired = That check is too old to report from. Please send the offer again.
check-button-report = 📝 Report this
check-button-again = 🔍 Check another
check-level-low = Risk: LOW — no strong warning signs found. Still check the agency before paying anything.
check-level-medium = Risk: MEDIUM — some warning signs. Verify before you go further.
check-level-high = Risk: HIGH — this looks like a dangerous recruitment. Do not pay, do not travel.
check-level-critical = Risk: VERY HIGH — this matches how people are trafficked into scam compounds. Do not go.
check-level-name-low = low
check-level-name-medium = medium
check-level-name-high = high
check-level-name-critical = very high
check-kind-warning = This text looks like a warning about scams rather than a job offer.
check-kind-official = This looks like an official placement programme. Check it on the official website.
check-reasons-title = Why:
check-no-reasons = I found no known warning signs in this text.
check-identifiers-title = Contacts I recognised:
check-reported-times = { $count ->
        [one] reported once before
       *[other] reported { $count } times before
    }
check-not-reported = not reported before
check-verdict-known_recruiter = ⚠️ officers marked it as a known scam recruiter
check-verdict-licensed_agency = ✅ officers marked it as a licensed agency
check-advice-title = What to do:

## Short answer to a check (details behind buttons)
verdict-reasons-title = Main reasons:
verdict-actions-title = What to do:
verdict-contacts-reported = { $count ->
        [one] ⚠️ 1 contact in this text was reported before.
       *[other] ⚠️ { $count } contacts in this text were reported before.
    }
verdict-do-keep-documents = Do not hand over or send photos of your passport or ID card.
verdict-do-no-fees = Do not pay the recruiter any fee.
verdict-do-known-contact = Stop dealing with the contact that was reported.
verdict-do-verify = Ask the local labour office about the company before you pay or travel.
verdict-do-report = Report the recruiter with the button below so others are protected.
verdict-do-official = Apply for work abroad only through official government channels.
verdict-do-ask = Unsure? Call 0800-1000 for free, the Indonesian migrant workers' complaint line.
verdict-do-share-warning = Thank you for being careful. Share a warning with your family with the button below.
verdict-button-why = ❓ Why? ({ $count } more)
verdict-button-why-contacts = ❓ Why? (contacts)
verdict-button-do = ✅ What to do
verdict-button-share = 📣 Share a warning
verdict-button-up = 👍 Helpful
verdict-button-down = 👎 Not helpful
verdict-why-title = All reasons ({ $count }):
verdict-shown-already = Already sent above.
verdict-expired = That check is more than an hour old, so I no longer keep its details. Send the offer again to check it anew.
verdict-vote-thanks = Thank you! Your rating was recorded.
verdict-vote-already = Your rating for this check was already recorded.
verdict-share-title = ⚠️ Be careful with overseas job offers like this
verdict-share-signs = Warning signs:
verdict-share-do = What to do:
verdict-share-do-1 = Do not pay anything and never hand over your passport.
verdict-share-do-2 = Ask the local labour office first, or call 0800-1000 for free.
verdict-share-do-3 = Never travel for work on a tourist visa.
verdict-share-footer = Check a job offer before you go: t.me/{ $bot }
verdict-share-intro = Here is a warning you can forward to your family groups. It contains nothing of your message, and no number or name.

## Messages that are not an offer
intent-greeting = Hello! I am Waspada. Send me an overseas job offer you received and I will check whether it is safe. Or choose below:
intent-help = I am here to help. If someone is in danger now, press 🆘 below. To check a job offer, send me its text, a screenshot, or the recruiter's number.
intent-report = Do you want to report? Choose below: a report about a recruiter or an offer, or an urgent report if someone is in danger now.
intent-question = To tell you whether it is safe I need the offer itself: paste the job ad, forward the message, send a screenshot, or the recruiter's phone number, @username or link.
intent-not-job = I found no job offer in this message. I check overseas job offers: send me the text, a screenshot, or the recruiter's number. Or choose below:
identifier-answer-title = What the reports say:
identifier-answer-reported = ⚠️ This contact was reported before. Do not pay or send documents. If you have the offer, send its text to be checked.
identifier-answer-not-reported = Not reported yet — but that does not mean it is safe. Recruiters change numbers often. Send me the text of the offer so I can check it.

## Urgent words
urgent-title = 🆘 It sounds like someone has already left and is in danger. Do this now:
urgent-step-embassy = 1. Contact the Indonesian Embassy (KBRI) in that country:
urgent-step-embassy-unknown = 1. Contact the Indonesian Embassy (KBRI) in the country where they are, through Portal Peduli WNI (peduliwni.kemlu.go.id) or the Safe Travel app.
urgent-step-national = 2. Call Indonesia's complaint line for migrant workers:
urgent-step-keep = 3. Keep every message, number, name and their last location. Do not send ransom money before you have spoken to the embassy.
urgent-step-report = 4. Press 🆘 below to report: officers see it as an urgent report, and what you wrote is carried into it.
urgent-step-report-in-report = 4. Go on with this report. When asked whether someone already left, answer Yes: officers will see it as an urgent report.
urgent-button-report = 🆘 Report now (urgent)

identifier-kind-phone = Phone
identifier-kind-whatsapp = WhatsApp
identifier-kind-telegram_handle = Telegram
identifier-kind-telegram_user_id = Telegram account
identifier-kind-domain = Website
identifier-kind-url = Link
identifier-kind-email = E-mail
identifier-kind-agency = Agency or company
identifier-kind-bank_account = Bank account

hotline-name = { $hotline ->
        [id-kp2mi] Complaints line of the migrant workers ministry (KP2MI, formerly BP2MI), free, 24 hours
        [id-kp2mi-abroad] Complaints line of the migrant workers ministry (KP2MI) from abroad
        [id-kemnaker] Complaints line of the Ministry of Manpower
        [kh-kbri-phnom-penh] Indonesian embassy in Phnom Penh (KBRI), citizen protection
        [mm-kbri-yangon] Indonesian embassy in Yangon (KBRI)
        [la-kbri-vientiane] Indonesian embassy in Vientiane (KBRI)
        [th-kbri-bangkok] Indonesian embassy in Bangkok (KBRI)
        [ph-kbri-manila] Indonesian embassy in Manila (KBRI)
        [my-kbri-kuala-lumpur] Indonesian embassy in Kuala Lumpur (KBRI)
       *[other] { $name }
    }
hotline-no-number = reach it through Portal Peduli WNI (peduliwni.kemlu.go.id) or the Safe Travel app

## Report: shared
report-intro = Let's report it: { $steps } steps, about { $questions } short questions ({ $urgent } if someone has already left). Tap a button or type your answer in your own words; skip what you don't know, ⬅️ Back goes to the question before, and Cancel (or /cancel) stops at any time. Nothing is sent to the officers until you press Send at the end.
report-intro-urgent = Let's report it: { $steps } steps, about { $questions } short questions. Tap a button or type your answer in your own words; skip what you don't know, ⬅️ Back goes to the question before, and Cancel (or /cancel) stops at any time. Nothing is sent to the officers until you press Send at the end.
report-progress = Step { $step }/{ $total }
report-progress-editing = ✏️ Changing: { $part } (then back to the summary)
report-button-skip = Skip
report-button-cancel = ✖️ Cancel
report-button-back = ⬅️ Back
report-button-done = ✅ Done
report-button-continue = ✅ Continue
report-button-clear = 🗑 Clear list
report-button-keep = Keep: { $value }
report-button-send = 📤 Send the report
report-button-share-location = 📍 Share my location
report-button-share-phone = 📱 Share my phone number
report-button-old = This button belongs to an earlier question. Please answer the latest one.
report-button-finished = This report is finished or no longer open.
report-or-buttons = …or use a button:
report-use-buttons = Please choose one of the buttons below.
report-not-understood = I did not understand “{ $answer }” here. Please choose one of the buttons below (you can also type what a button says).
report-typed-not-here = “{ $answer }” cannot be done at this question. Please answer it, or choose one of the buttons below.
report-back-none = This is the first question: there is nothing before it. To stop, press Cancel.
report-wrong-input = I can't use that here.
report-wrong-input-text = Please type your answer as text, or press Skip.
conversation-full = This report holds as much as it can: your last message was not added. Use the buttons to go on (Done, then Send), or /cancel to start over.
report-too-long = That is too long ({ $length } characters). Please shorten it to { $max } characters; what you entered before is kept.
report-command-during-report = You are in the middle of a report. Answer the question below, or send /cancel to stop.
report-cancelled = The report was cancelled. Nothing was sent or stored.
report-already-running = You already have a report in progress: please answer the last question, or send /cancel to stop it.
report-nothing-to-cancel = There is nothing to cancel.
report-noted = Noted. ✅
report-expired = ⌛ Your unfinished report was closed after a long pause, and nothing from it was kept. You can start again at any time with /report.

## Report: steps
report-who-question = Who is reporting?
report-who-self = I received this offer
report-who-family_friend = For a family member or friend
report-who-abroad = I am abroad now
report-who-other = Other

report-offer-question = Paste or forward the offer (messages, posts), and send screenshots — photos or image/PDF files, up to { $max }. Press Done when you have sent everything.
report-offer-question-checked = I have the offer you checked ({ $texts ->
        [one] one text
       *[other] { $texts } texts
    }, { $screenshots ->
        [one] one screenshot
       *[other] { $screenshots } screenshots
    }): no need to send it again. Add screenshots (up to { $max }) or more messages if you have them, or press Done.
report-offer-received = Received: { $texts ->
        [one] 1 text
       *[other] { $texts } texts
    } and { $screenshots ->
        [one] 1 screenshot
       *[other] { $screenshots } screenshots
    } (at most { $max }). Send more, or press Done.
report-offer-wrong-input = Please send the offer as text, a photo, or an image or PDF file. Stickers, voice notes and videos cannot be used — take a screenshot instead.
report-offer-wrong-file = That file type cannot be used. Please send a photo, or a JPG, PNG, WEBP, HEIC or PDF file.
report-offer-too-large = That file is too large (the limit is 20 MB, 10 MB for photos). Please send a smaller screenshot.
report-offer-media-limit = You have already sent { $max } screenshots, the most one report can hold. Press Done to continue.
report-offer-text-limit = That is the most texts one report can hold ({ $max }). Press Done to continue.

report-contacts-question = How did the recruiter contact you? Send phone numbers, @usernames, links, or the name of the agency or company.
report-sender-question =
    One of the messages you forwarded was written by { $sender }.
    Is this the recruiter? Only if you answer Yes is this account added to the report.
report-sender-unnamed = someone whose name is not shown
report-sender-yes = Yes, the recruiter
report-sender-no = No
report-contacts-found =
    I found these contacts of the recruiter:
    { $list }

    Send more (phone, @username, link, agency name), or press Continue.
report-contacts-wrong-input = Please type the contact as text (a phone number, @username, link or agency name).

report-destination-question = Which country was the job in, as promised?
report-destination-question-prefilled = Which country was the job in, as promised? The offer mentions { $country }.
country-other = Other or not sure
report-city-question = Which city or place? (for example Phnom Penh, Sihanoukville, Myawaddy)
report-job-question = What job was promised?
report-salary-question = What salary was promised? (as written in the offer)

report-money-question = Was money asked for or paid (fees, "admin", ticket, medical check)?
report-money-none = No money asked
report-money-asked = Money was asked
report-money-paid = Money was paid
report-money-detail-question = How much, and to whom (name, bank account or e-wallet number)?
report-passport-question = Was a passport or other document handed over to the recruiter?

report-departed-question = Has someone already left for this job?
report-urgent-hotlines = 🆘 This report is marked URGENT. If the person is in danger, contact these now — do not wait for us:
report-urgent-hotlines-place = 🆘 Help in { $country }, where they may be now — contact them directly too:
report-departed-who = Who is it to you? (no full name needed)
relationship-child = My child
relationship-spouse = Husband or wife
relationship-sibling = Brother or sister
relationship-parent = Parent
relationship-relative = Other relative
relationship-friend = Friend
relationship-self = Myself
relationship-other = Someone else
report-departed-when = When did they leave? (a date or "about two weeks ago")
report-departed-last-contact = When did you last hear from them, and how?
report-departed-whereabouts = Where might they be now? (city, building, company — anything they told you)
report-departed-can-communicate = Can they still send messages or call?
report-departed-passport-taken = Was their passport taken from them?
report-departed-location = If you have a location they shared, or if you are the person and can share yours, send it with the button below — or type the place (a town, a building, a company). Otherwise press Skip.
report-departed-location-wrong = Please share a location with the button, type the place, or press Skip.

report-consent-question =
    May officers contact you through this bot if they need more information?

    They will write to you here, through the bot. They do not see your name, username or number, unless you also share your number in the next question.
report-consent-yes = Yes, officers may contact me
report-consent-no = No, do not contact me
report-consent-phone = You may also share your phone number with the button below, so officers can call you if it is urgent. Only the officers handling reports can see it, and only when they need it. Otherwise press Skip.
report-consent-phone-wrong = Please use the button to share your own number, or press Skip.
report-consent-phone-not-own = That is not your own number, so I did not keep it. Officers will contact you through this bot.

report-summary-title = 📋 Please check your report:
report-summary-none = —
report-summary-who = Reporting
report-summary-offer = Offer
report-summary-offer-count = { $texts ->
        [one] 1 text
       *[other] { $texts } texts
    }, { $screenshots ->
        [one] 1 screenshot
       *[other] { $screenshots } screenshots
    }
report-summary-level = Risk
report-summary-contacts = Recruiter contacts
report-summary-destination = Destination
report-summary-job = Job
report-summary-salary = Salary
report-summary-money = Money
report-summary-passport = Passport handed over
report-summary-departed = Someone already left
report-summary-urgent = URGENT
report-summary-consent = Officers may contact me
report-summary-phone-shared = phone shared
report-summary-check = Press Send if this is right, or Edit to change a part.
report-edit-who = ✏️ Who
report-edit-offer = ✏️ Offer
report-edit-contacts = ✏️ Contacts
report-edit-destination = ✏️ Destination
report-edit-money = ✏️ Money
report-edit-departed = ✏️ Person who left
report-edit-consent = ✏️ Contact

report-sent = ✅ Your report was sent. Your case number is { $id } — keep it to ask about the case.
report-next = What happens next: officers will review your report. You will get a message here when its status changes. You can add information at any time under "My reports".
report-next-urgent = What happens next: your report is marked URGENT and officers will look at it first. You will get a message here when its status changes. If the person is in danger, contact the hotlines below now:

## Add information
add-info-question = Send the new information for case { $id }: texts or screenshots. Press Done when you have sent everything.
add-info-saved = ✅ Added to case { $id }. Thank you.
add-info-refused = Case { $id } cannot receive information (it is closed or not yours).
add-info-cancelled = Nothing was added.

## My reports
my-reports-title = 📂 Your reports:
my-reports-none = You have not sent any report yet.
my-reports-line = { $id } — { $status } — { $date }
my-reports-add = ➕ Add information to { $id }
status-received = received
status-in_review = being reviewed
status-needs_info = officers need more information
status-confirmed_scam = confirmed as a scam
status-not_scam = not a scam
status-escalated = sent to the contact officers in the destination country
status-closed = closed

## My data
mydata-title = 🔐 What Waspada stores about you
mydata-language = Language: { $language }
mydata-no-reports = Reports: none. Nothing else is stored about you.
mydata-reports = Reports ({ $count }): { $ids }
mydata-consent-yes = Officers may contact you through this bot: yes
mydata-consent-no = Officers may contact you through this bot: no
mydata-phone = Phone number you shared (stored encrypted): { $phone }
mydata-no-phone = Phone number: not shared
mydata-delete-hint = To erase your data, send /delete. Your reports stay for the officers, without anything that identifies you.
delete-question = Delete your data? Your contact details and the link between you and your reports will be erased. The reports themselves stay for the officers, anonymised. This cannot be undone.
delete-confirm = 🗑 Yes, delete my data
delete-abort = No, keep it
delete-aborted = Nothing was deleted.
delete-done = { $count ->
        [0] Done: your data was erased.
        [one] Done: your data was erased, and your report is now anonymous.
       *[other] Done: your data was erased, and your { $count } reports are now anonymous.
    }

answer-yes = Yes
answer-no = No
answer-unknown = Don't know

## Floods (per-person limits; the first refusal of a burst is answered, the rest are dropped)
rate-limited-message = You are sending messages very fast. Please wait a minute, then go on: what you entered before is kept.
rate-limited-check = You have checked many offers in a short time. Please wait about { $minutes } minutes before checking the next one.
rate-limited-report = You have started many reports in the last hour. Please wait about { $minutes } minutes before starting another. If someone is in danger now, press “Someone is in danger now” in the menu: the hotlines are shown at once.
rate-limited-relay = You have sent many answers to the officers in the last hour. Please wait about { $minutes } minutes; they have your earlier answers.
conversation-too-long = This conversation has reached its limit of { $max } answers, so it was closed and nothing from it was kept. Please start again and send only what the officers need; you can add more later with /myreports.
