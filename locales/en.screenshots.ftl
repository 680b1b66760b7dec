# Screenshots read on the bot's own machine (OCR): checks, reports and case cards.

check-screenshot-reading = 📷 Reading your screenshot… I will answer here in a few seconds.
check-screenshot-reading-album = 📷 Reading your screenshots… I will answer here in a few seconds.
check-screenshot-read = 📷 I read { $chars } letters and numbers from { $screenshots ->
        [one] your screenshot
       *[other] { $screenshots } screenshots
    } (a few may be misread).
check-screenshot-caption-only = 📷 I could not read text in the picture, so this is about its caption only.
check-screenshot-no-text = 📷 I could not read any text in this picture. Paste the text of the offer instead, or report it anyway — the officers will look at the picture themselves.
check-screenshot-unreadable = 📷 I could not open this picture. Send it as a normal photo (or a JPG or PNG file), or paste the text of the offer.
check-screenshot-too-large = 📷 That picture is too large for me to read (the limit is 10 MB). Send a smaller screenshot, or paste the text.
check-screenshot-wrong-file = 📷 I can read pictures only: send a screenshot as a photo (or a JPG or PNG file), or paste the text of the offer.
check-button-report-anyway = 📝 Report it anyway

report-offer-reading = 📷 Reading the text in { $count ->
        [one] your screenshot
       *[other] your { $count } screenshots
    }…
report-summary-read = read { $chars } letters and numbers from { $screenshots ->
        [one] 1 screenshot
       *[other] { $screenshots } screenshots
    }
report-summary-read-nothing = no text could be read from the { $screenshots ->
        [one] screenshot
       *[other] { $screenshots } screenshots
    } (the officers will look at them)

card-read-text = Text read from { $screenshots ->
        [one] the screenshot
       *[other] the screenshots
    } (by the bot, may contain misread letters)
card-read-identifiers = Contacts seen in the screenshots (not confirmed by the reporter)
