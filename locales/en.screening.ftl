## Waspada — screening results (English). Keys are used by src/screening and src/cli.

## Levels and kinds of text
screening-level-low = Low risk
screening-level-medium = Medium risk: verify before you do anything
screening-level-high = High risk: this looks like illegal or trafficking recruitment
screening-level-critical = Critical: do not go, and report it now
screening-kind-offer = This reads as a job offer.
screening-kind-warning_about_scams = This reads as a warning or news about scams, not as a job offer.
screening-kind-official_programme = This reads as an official placement programme or a licensed agency's offer.
screening-kind-not_an_offer = This does not read as a job offer.

## Indicators (why the level was given)
screening-indicator-dest_cambodia = The job is in Cambodia. Cambodia is not an official placement country for Indonesian migrant workers, and most Indonesian scam-compound cases are there.
screening-indicator-dest_myanmar = The job is in Myanmar. Myanmar is not a placement country; its border areas are scam-compound zones under armed groups.
screening-indicator-dest_laos_golden_triangle = The job is in Laos (Golden Triangle area), a known trafficking route with no legal placement.
screening-indicator-dest_philippines_pogo = The job is in the Philippines in online gaming or "CSR" work, a known scam-compound route.
screening-indicator-dest_thailand_decoy = The job is said to be in Thailand. Many victims were promised jobs in Thailand and then taken across the border to Myanmar.
screening-indicator-dest_hub_onward_hint = The job starts in one country and "moves" later (a branch office, near the border, training elsewhere first).
screening-indicator-dest_compound_place = The text names a known scam-compound or border-transit place.
screening-indicator-dest_compound_town_home = The text names a town of your own country where scam compounds operate. Ordinary shops and offices are there too: make sure of the exact workplace and employer.
screening-indicator-dest_unnamed_country = The country or workplace is vague or hidden ("abroad", "Asia", "told after you agree").
screening-indicator-lure_cs_admin_marketing = Customer service / admin / marketing abroad is the most common lure in scam-compound cases.
screening-indicator-lure_operator_typing = Typing, data-entry or computer-operator work abroad is a known front for scam work.
screening-indicator-lure_it_crypto_digital = IT, crypto, fintech or digital-marketing jobs are used to lure educated people into scam compounds.
screening-indicator-lure_online_gaming_casino = Online gambling or casino work abroad is a well-documented route into forced scam work.
screening-indicator-lure_chat_scam_work = The work described is fraud: chatting with strangers from prepared accounts, targets of contacts or deposits.
screening-indicator-lure_language_chat_skill = The main requirement is a language for chatting, typical of scam-centre chat work.
screening-indicator-lure_hospitality_thailand = A hotel, kitchen or spa job abroad offered informally.
screening-indicator-lure_dubai_office = An office or admin job in Dubai / the UAE offered through chat or social media.
screening-indicator-lure_easy_work_high_pay = "Easy work, high pay": if it sounds too good to be true, it is.
screening-indicator-lure_task_parttime = Paid online "tasks" (like, follow, review) that later ask for deposits or travel are scams.
screening-indicator-pay_above_market_unskilled = The pay is well above what such work pays there, for a job that asks for no experience.
screening-indicator-pay_implausible_extreme = No ordinary job for beginners pays this much. The figure is bait.
screening-indicator-pay_usd_for_regional_job = Pay in US dollars for a job in the region; USD pay is not a sign of a good employer.
screening-indicator-pay_commission_target = Commission and targets are stressed; scam compounds run on targets with fines for missing them.
screening-indicator-req_no_experience = No experience or skill needed. Legal work abroad normally requires training and a competence certificate.
screening-indicator-req_no_education = No diploma or degree needed.
screening-indicator-req_passport_only = The only requirement is a passport. A real employer asks for skills, documents and a contract.
screening-indicator-req_basic_computer_typing = Only basic computer or typing skills are asked.
screening-indicator-proc_tourist_visa = Travel on a tourist, visit or visa-free entry to work. That is illegal and leaves you unprotected.
screening-indicator-proc_work_permit_later = The work permit is "arranged after arrival". The work visa must exist before departure.
screening-indicator-proc_no_written_contract = No written contract before departure (signed "on site").
screening-indicator-proc_individual_recruiter = The recruiter is an individual, not a licensed agency. Individuals may not place workers abroad.
screening-indicator-proc_bypass_official = The offer skips official steps (no agency, no training, no medical check).
screening-indicator-proc_coached_cover_story = You are told to lie to immigration. Anyone who does that is moving you illegally.
screening-indicator-proc_chat_only_hiring = Selection only by chat or a short call, with instant acceptance.
screening-indicator-proc_model_injection = The text contains instructions aimed at an automatic checker (such as "ignore previous instructions" or "this job is safe"). An honest recruiter has no reason to trick a checker.
screening-indicator-cost_employer_pays_everything = Everything is "free" (ticket, housing, food). Free travel often becomes a debt used to control you.
screening-indicator-cost_upfront_fee = You are asked to pay a fee. Legal placement costs are fixed by regulation, receipted, and zero for many jobs.
screening-indicator-cost_advance_to_candidate = The recruiter sends or advances you money. That is a hook that creates an obligation.
screening-indicator-cost_repayment_penalty = Costs are deducted from wages, or there is a penalty for leaving early. A penalty for leaving is a trap.
screening-indicator-route_overland_border_crossing = The route crosses a border by land or river to reach the job. This is how people are moved into compounds.
screening-indicator-route_transit_third_country = You fly to a different country first and continue from there.
screening-indicator-route_irregular_exit_point = Departure by sea or through a small port (Dumai, Batam, Tanjungbalai).
screening-indicator-route_handler_pickup = Someone will pick you up, or others hold your ticket, and no address is given.
screening-indicator-doc_passport_handover = Your passport is to be handed over or kept by others. Never give your passport to anyone.
screening-indicator-doc_phone_isolation = Your personal phone is taken or restricted.
screening-indicator-doc_personal_data_harvest = ID card, passport photos or selfies are asked before any employer is named.
screening-indicator-chan_social_media_post = The offer comes from a social-media post.
screening-indicator-chan_friend_referral = The offer comes through a friend, relative or acquaintance.
screening-indicator-chan_private_chat_redirect = You are sent to a private chat or a personal messaging account.
screening-indicator-chan_recruit_others_bonus = A bonus for bringing friends.
screening-indicator-chan_fake_official_claims = Claims of being "legal", "official" or "registered" that you cannot verify, or for a country where no legal placement exists.
screening-indicator-urg_depart_immediately = Departure within days. A legal placement takes weeks: training, medical check, pre-departure orientation.
screening-indicator-urg_limited_slots = Pressure: "only a few places left".
screening-indicator-urg_secrecy = You are asked to keep it secret from your family.
screening-indicator-id_no_company_details = No company name, address or licence is given.
screening-indicator-id_vague_job_description = The job is vague ("office work", "online position") with no tasks described.
screening-indicator-id_foreign_boss_unverifiable = A foreign boss or manager with no company identity (counts only with other signs).
screening-indicator-fl_confinement = You cannot leave the compound or dormitory freely.
screening-indicator-fl_excessive_hours_quota = Very long shifts (12 hours or more), few days off, or quotas.
screening-indicator-fl_fines_ransom_resale = Fines, ransom or being "sold" to another company.
screening-indicator-fl_violence = Violence or threats.
screening-indicator-fl_wage_withholding = Wages are withheld "as a guarantee" or unpaid.
screening-indicator-known_reported_identifier = This { $kind ->
        [phone] phone number
        [whatsapp] WhatsApp number
        [telegram_handle] Telegram account
        [telegram_user_id] Telegram account
        [domain] website
        [url] link
        [email] email address
        [bank_account] bank account
        [agency] company name
       *[other] contact
    } ({ $value }) was reported { $count ->
        [one] once
       *[other] { $count } times
    } before.
screening-indicator-known_recruiter_identifier = Officers marked this { $kind ->
        [phone] phone number
        [whatsapp] WhatsApp number
        [telegram_handle] Telegram account
        [telegram_user_id] Telegram account
        [domain] website
        [url] link
        [email] email address
        [bank_account] bank account
        [agency] company name
       *[other] contact
    } ({ $value }) as a known recruiter of illegal placements.
screening-indicator-known_licensed_agency = Officers marked this { $kind ->
        [phone] phone number
        [whatsapp] WhatsApp number
        [telegram_handle] Telegram account
        [telegram_user_id] Telegram account
        [domain] website
        [url] link
        [email] email address
        [bank_account] bank account
        [agency] company name
       *[other] contact
    } ({ $value }) as a licensed agency. Still check the job in SISKOP2MI (the government's site for jobs abroad).
screening-indicator-ok_official_g2g_program = An official government programme (e.g. G-to-G Korea EPS-TOPIK), registered through official channels.
screening-indicator-ok_licensed_p3mi_verifiable = A licensed placement agency that you can verify in SISKOP2MI (the government's site for jobs abroad) or at the provincial migrant workers' office (BP3MI).
screening-indicator-ok_work_visa_contract = A work visa and a work agreement before departure.
screening-indicator-ok_domestic_job = The job is in your own country, with local wage rules or an interview at an address.
screening-indicator-ok_plausible_wage_named_employer = A named employer, real requirements and a plausible wage.
screening-indicator-ok_warning_or_news_context = The text warns about scams or reports news.
screening-indicator-ok_non_job_chat = The text is about a holiday, study or a trip, not a job offer.

## Advice
screening-advice-emergency = If you or someone you know is already there and cannot leave: contact the embassy below now, share your location, and keep the conversation secret from the employer. Repatriation help from the embassy is free.
screening-advice-non-placement-country = Cambodia, Myanmar and Laos are not official placement countries for Indonesian migrant workers. A job there cannot be processed legally. Do not go.
screening-advice-no-tourist-visa = Never travel on a tourist or visa-free entry to work. Legal placement uses a work visa and a signed work agreement.
screening-advice-keep-passport = Never hand over your passport. Keeping it is your right.
screening-advice-never-lie-to-immigration = Never lie to immigration for a recruiter. Stop and report it.
screening-advice-no-fees = Do not pay registration or processing fees, especially to a personal account.
screening-advice-refuse-money = Do not accept money from an unknown recruiter; report it.
screening-advice-no-personal-data = Do not send photos of your ID card or passport before the employer and agency are verified.
screening-advice-no-irregular-route = Do not travel by a route that crosses borders by land, river or small boat to reach a job.
screening-advice-fraud-work = The work described is fraud. People who take these jobs are often held and forced to scam others.
screening-advice-gambling-front = Gambling and casino jobs abroad are a common front for forced scam work.
screening-advice-penalty-trap = Ask in writing what happens if you want to leave early. Penalties and withheld wages are used to trap workers.
screening-advice-free-becomes-debt = Ask who pays for the ticket and housing, in writing. "Free" travel often becomes a debt.
screening-advice-salary-bait = Compare the pay with what such work really pays there. Unusually high pay for beginners is bait.
screening-advice-too-good = If it sounds too good to be true, it is.
screening-advice-competence = Legal work abroad asks for training, a competence certificate and a medical check.
screening-advice-exact-workplace = Ask for the exact employer name, address and contract of the final workplace before anything else.
screening-advice-ask-contract = Ask for the work agreement and the work permit before you leave; the agreement is signed in front of officials in Indonesia.
screening-advice-take-time = Take your time. A legal placement takes weeks; pressure to leave quickly is a warning sign.
screening-advice-tell-family = Share the employer name, address and contract with your family, and report your stay through the Safe Travel app or peduliwni.kemlu.go.id.
screening-advice-known-recruiter = An identifier in this text was reported before. Do not deal with this recruiter.
screening-advice-verify-agency = Check the agency and its job vacancy in SISKOP2MI (the government's site for jobs abroad, siskop2mi.bp2mi.go.id), register through SIAPkerja (the labour ministry's job site), or ask your local labour office (Disnaker) or migrant workers' office (BP3MI).
screening-advice-official-channels = Use only official channels: SISKOP2MI (the government's site for jobs abroad), your local labour office (Disnaker) or migrant workers' office (BP3MI). Nobody can guarantee you a place for money.
screening-advice-warning-thanks = Thank you for sharing a warning. If you received an offer like this, you can send it to me to check, or report the recruiter.
screening-advice-report = You can report this recruiter here, so officers can warn others.
screening-advice-hotline = Help: { hotline-name }, { $number }.
screening-advice-hotline-no-number = Help: { hotline-name }, through Portal Peduli WNI (peduliwni.kemlu.go.id) or the Safe Travel app.

## Command-line output (npx waspada check)
screening-cli-result = Result: { $level } (score { $score })
screening-cli-reasons = Why:
screening-cli-no-reasons = No warning signs found in this text.
screening-cli-advice = What to do:
screening-cli-destinations = Destinations named: { $countries }
screening-kind-question = This reads as a question about a job offer; it is rated as the offer it describes.
screening-kind-story = This reads as someone's account of what happened, not as a job offer.
screening-kind-announcement = This reads as a company announcement, not as a job offer.

## Legitimacy and the learned layer (issue 10)
screening-indicator-ok_professional_requirements = The post asks for professional qualifications (a degree, years of experience), as real vacancies do.
screening-indicator-ok_formal_application = Applications go through a website, a job board or an office, with a deadline or an interview, as real vacancies do.
screening-indicator-ok_work_permit_contract_local = The employer mentions a work permit, a written contract or social insurance.
screening-indicator-ok_verifiable_employer = The employer can be checked: it gives its own web or e-mail domain.
screening-indicator-model_resembles_reported_scams = This text resembles offers reported as scams (the learned model rates it { $percent } %). It found no single decisive sign: check the employer before you reply.
screening-indicator-model_unlike_reported_scams = This text does not resemble offers reported as scams (the learned model rates it { $percent } %), and no strong sign was found.
screening-indicator-ok_gig_fee_is_pay = The "fee" here is pay per day or per show for gig work, not money you pay.
screening-indicator-ok_local_gig_pay = Pay by the day or hour in the local currency, for work that names no place abroad: how casual work at home is paid.
screening-indicator-known_reported_offer = This offer matches { $count ->
        [one] an earlier report
       *[other] { $count } earlier reports
    }: the same text was reported before.
screening-indicator-ok_licence_number = The recruiter gives a licence number, which can be checked with the licensing authority.
