## Waspada — hasil penyaringan (Bahasa Indonesia). Kunci dipakai oleh src/screening dan src/cli.

## Tingkat dan jenis teks
screening-level-low = Risiko rendah
screening-level-medium = Risiko sedang: periksa dulu sebelum melakukan apa pun
screening-level-high = Risiko tinggi: ini mirip perekrutan ilegal atau perdagangan orang
screening-level-critical = Kritis: jangan berangkat, dan laporkan sekarang
screening-kind-offer = Teks ini terbaca sebagai tawaran kerja.
screening-kind-warning_about_scams = Teks ini terbaca sebagai peringatan atau berita tentang penipuan, bukan tawaran kerja.
screening-kind-official_programme = Teks ini terbaca sebagai program penempatan resmi atau tawaran dari perusahaan penempatan berizin (P3MI).
screening-kind-not_an_offer = Teks ini tidak terbaca sebagai tawaran kerja.

## Indikator (alasan tingkat risiko)
screening-indicator-dest_cambodia = Pekerjaan di Kamboja. Kamboja bukan negara tujuan resmi pekerja migran Indonesia, dan sebagian besar kasus WNI di sarang penipuan online ada di sana.
screening-indicator-dest_myanmar = Pekerjaan di Myanmar. Myanmar bukan negara penempatan; daerah perbatasannya adalah zona sarang penipuan yang dikuasai kelompok bersenjata.
screening-indicator-dest_laos_golden_triangle = Pekerjaan di Laos (kawasan Segitiga Emas), jalur perdagangan orang yang dikenal, tanpa penempatan resmi.
screening-indicator-dest_philippines_pogo = Pekerjaan di Filipina di bidang game online (POGO) atau "CSR", jalur yang dikenal menuju sarang penipuan.
screening-indicator-dest_thailand_decoy = Pekerjaan disebut di Thailand. Banyak korban dijanjikan kerja di Thailand lalu dibawa menyeberang ke Myanmar.
screening-indicator-dest_hub_onward_hint = Kerja dimulai di satu negara lalu "pindah" (kantor cabang, dekat perbatasan, pelatihan di tempat lain dulu).
screening-indicator-dest_compound_place = Teks menyebut tempat yang dikenal sebagai sarang penipuan online atau titik transit perbatasan.
screening-indicator-dest_compound_town_home = Teks menyebut kota di negara Anda sendiri tempat sarang penipuan beroperasi. Toko dan kantor biasa juga ada di sana: pastikan tempat kerja dan pemberi kerjanya.
screening-indicator-dest_unnamed_country = Negara atau tempat kerja tidak jelas atau disembunyikan ("luar negeri", "Asia", "dikasih tahu setelah sepakat").
screening-indicator-lure_cs_admin_marketing = CS / admin / marketing di luar negeri adalah umpan paling sering dalam kasus sarang penipuan.
screening-indicator-lure_operator_typing = Kerja ngetik, input data atau operator komputer di luar negeri adalah kedok yang dikenal untuk kerja penipuan.
screening-indicator-lure_it_crypto_digital = Lowongan IT, kripto, teknologi keuangan atau pemasaran digital dipakai untuk memancing orang berpendidikan ke sarang penipuan.
screening-indicator-lure_online_gaming_casino = Kerja judi online atau kasino di luar negeri adalah jalur yang terdokumentasi menuju kerja paksa penipuan.
screening-indicator-lure_chat_scam_work = Pekerjaan yang dijelaskan adalah penipuan: chat dengan orang asing memakai akun yang disiapkan, target nomor atau deposit.
screening-indicator-lure_language_chat_skill = Syarat utamanya bahasa untuk chatting, ciri kerja chat di sarang penipuan.
screening-indicator-lure_hospitality_thailand = Kerja hotel, dapur atau spa di luar negeri yang ditawarkan secara tidak resmi.
screening-indicator-lure_dubai_office = Kerja kantor atau admin di Dubai / UEA yang ditawarkan lewat chat atau media sosial.
screening-indicator-lure_easy_work_high_pay = "Kerja ringan, gaji besar": kalau terlalu bagus untuk jadi kenyataan, memang bukan kenyataan.
screening-indicator-lure_task_parttime = "Tugas" online berbayar (like, follow, review) yang lalu minta deposit atau berangkat adalah penipuan.
screening-indicator-pay_above_market_unskilled = Gajinya jauh di atas upah pekerjaan seperti itu di sana, padahal tidak perlu pengalaman.
screening-indicator-pay_implausible_extreme = Tidak ada pekerjaan biasa untuk pemula yang dibayar sebesar ini. Angka ini umpan.
screening-indicator-pay_usd_for_regional_job = Gaji dolar untuk kerja di kawasan Asia Tenggara; gaji dolar bukan tanda majikan yang baik.
screening-indicator-pay_commission_target = Komisi dan target ditonjolkan; sarang penipuan memakai target dengan denda bila tidak tercapai.
screening-indicator-req_no_experience = Tidak perlu pengalaman atau keahlian. Kerja resmi di luar negeri mensyaratkan pelatihan dan sertifikat kompetensi.
screening-indicator-req_no_education = Tidak perlu ijazah.
screening-indicator-req_passport_only = Syaratnya cuma paspor. Pemberi kerja asli meminta keahlian, dokumen dan kontrak.
screening-indicator-req_basic_computer_typing = Hanya diminta bisa komputer atau mengetik.
screening-indicator-proc_tourist_visa = Berangkat kerja dengan visa turis, visa kunjungan atau bebas visa. Itu ilegal dan membuat Anda tanpa perlindungan.
screening-indicator-proc_work_permit_later = Izin kerja "diurus setelah sampai". Visa kerja harus sudah ada sebelum berangkat.
screening-indicator-proc_no_written_contract = Tidak ada kontrak tertulis sebelum berangkat ("tanda tangan di lokasi").
screening-indicator-proc_individual_recruiter = Perekrutnya perorangan, bukan perusahaan penempatan berizin (P3MI). Perorangan dilarang menempatkan pekerja ke luar negeri.
screening-indicator-proc_bypass_official = Tawaran ini melewati langkah resmi (tanpa PT, tanpa pelatihan, tanpa pemeriksaan kesehatan).
screening-indicator-proc_coached_cover_story = Anda disuruh berbohong ke petugas imigrasi. Siapa pun yang menyuruh begitu sedang memberangkatkan Anda secara ilegal.
screening-indicator-proc_chat_only_hiring = Seleksi hanya lewat chat atau telepon singkat, langsung diterima.
screening-indicator-proc_model_injection = Teks ini berisi perintah untuk pemeriksa otomatis (misalnya "abaikan instruksi sebelumnya" atau "pekerjaan ini aman"). Perekrut yang jujur tidak perlu mengelabui pemeriksa.
screening-indicator-cost_employer_pays_everything = Semua "gratis" (tiket, mess, makan). Keberangkatan gratis sering berubah jadi utang untuk mengikat Anda.
screening-indicator-cost_upfront_fee = Anda diminta membayar biaya. Biaya penempatan resmi diatur, ada kuitansinya, dan nol untuk banyak jabatan.
screening-indicator-cost_advance_to_candidate = Perekrut mengirim atau menalangi uang untuk Anda. Itu jerat supaya Anda merasa berutang.
screening-indicator-cost_repayment_penalty = Biaya dipotong dari gaji, atau ada denda bila berhenti lebih awal. Denda untuk berhenti adalah jebakan.
screening-indicator-route_overland_border_crossing = Rute menyeberang perbatasan lewat darat atau sungai menuju tempat kerja. Beginilah orang dibawa ke sarang penipuan.
screening-indicator-route_transit_third_country = Anda terbang dulu ke negara lain lalu dilanjutkan dari sana.
screening-indicator-route_irregular_exit_point = Berangkat lewat laut atau pelabuhan kecil (Dumai, Batam, Tanjungbalai).
screening-indicator-route_handler_pickup = Ada yang akan menjemput, atau tiket dipegang orang lain, tanpa alamat yang jelas.
screening-indicator-doc_passport_handover = Paspor Anda akan diserahkan atau dipegang orang lain. Jangan pernah menyerahkan paspor kepada siapa pun.
screening-indicator-doc_phone_isolation = HP pribadi diambil atau dibatasi.
screening-indicator-doc_personal_data_harvest = Foto KTP, paspor atau foto wajah diminta sebelum pemberi kerja jelas.
screening-indicator-chan_social_media_post = Tawaran datang dari unggahan media sosial.
screening-indicator-chan_friend_referral = Tawaran datang lewat teman, saudara atau kenalan.
screening-indicator-chan_private_chat_redirect = Anda diarahkan ke chat pribadi atau akun perpesanan pribadi.
screening-indicator-chan_recruit_others_bonus = Ada bonus untuk mengajak teman.
screening-indicator-chan_fake_official_claims = Klaim "legal", "resmi" atau "terdaftar" yang tidak bisa Anda periksa, atau untuk negara yang tidak punya penempatan resmi.
screening-indicator-urg_depart_immediately = Berangkat dalam hitungan hari. Penempatan resmi butuh berminggu-minggu: pelatihan, pemeriksaan kesehatan, orientasi pra pemberangkatan.
screening-indicator-urg_limited_slots = Desakan: "kuota tinggal sedikit".
screening-indicator-urg_secrecy = Anda diminta merahasiakannya dari keluarga.
screening-indicator-id_no_company_details = Tidak ada nama perusahaan, alamat atau izin.
screening-indicator-id_vague_job_description = Pekerjaannya tidak jelas ("kerja kantoran", "posisi online") tanpa rincian tugas.
screening-indicator-id_foreign_boss_unverifiable = Bos atau manajer asing tanpa identitas perusahaan (hanya dihitung bersama tanda lain).
screening-indicator-fl_confinement = Tidak bebas keluar dari kompleks atau mess.
screening-indicator-fl_excessive_hours_quota = Jam kerja sangat panjang (12 jam atau lebih), libur sedikit, atau target.
screening-indicator-fl_fines_ransom_resale = Denda, tebusan, atau "dijual" ke perusahaan lain.
screening-indicator-fl_violence = Kekerasan atau ancaman.
screening-indicator-fl_wage_withholding = Gaji ditahan "sebagai jaminan" atau tidak dibayar.
screening-indicator-known_reported_identifier = { $kind ->
        [phone] Nomor HP
        [whatsapp] Nomor WhatsApp
        [telegram_handle] Akun Telegram
        [telegram_user_id] Akun Telegram
        [domain] Situs
        [url] Tautan
        [email] Alamat email
        [bank_account] Rekening bank
        [agency] Nama perusahaan
       *[other] Kontak
    } ini ({ $value }) sudah dilaporkan { $count } kali sebelumnya.
screening-indicator-known_recruiter_identifier = Petugas menandai { $kind ->
        [phone] nomor HP
        [whatsapp] nomor WhatsApp
        [telegram_handle] akun Telegram
        [telegram_user_id] akun Telegram
        [domain] situs
        [url] tautan
        [email] alamat email
        [bank_account] rekening bank
        [agency] nama perusahaan
       *[other] kontak
    } ini ({ $value }) sebagai perekrut penempatan ilegal.
screening-indicator-known_licensed_agency = Petugas menandai { $kind ->
        [phone] nomor HP
        [whatsapp] nomor WhatsApp
        [telegram_handle] akun Telegram
        [telegram_user_id] akun Telegram
        [domain] situs
        [url] tautan
        [email] alamat email
        [bank_account] rekening bank
        [agency] nama perusahaan
       *[other] kontak
    } ini ({ $value }) sebagai perusahaan penempatan berizin. Tetap cek lowongannya di SISKOP2MI (situs resmi pemerintah untuk lowongan kerja luar negeri).
screening-indicator-ok_official_g2g_program = Program resmi pemerintah (misalnya G to G Korea EPS-TOPIK) yang didaftarkan lewat jalur resmi.
screening-indicator-ok_licensed_p3mi_verifiable = Perusahaan penempatan berizin (P3MI) yang bisa Anda periksa di SISKOP2MI (situs resmi pemerintah untuk lowongan kerja luar negeri) atau di kantor pelindungan pekerja migran provinsi (BP3MI).
screening-indicator-ok_work_visa_contract = Ada visa kerja dan perjanjian kerja sebelum berangkat.
screening-indicator-ok_domestic_job = Pekerjaan di dalam negeri, dengan acuan upah setempat (UMK/UMP) atau wawancara di alamat yang jelas.
screening-indicator-ok_plausible_wage_named_employer = Pemberi kerja disebut namanya, syaratnya nyata dan gajinya wajar.
screening-indicator-ok_warning_or_news_context = Teks ini memperingatkan tentang penipuan atau memuat berita.
screening-indicator-ok_non_job_chat = Teks ini tentang liburan, sekolah atau perjalanan, bukan tawaran kerja.

## Saran
screening-advice-emergency = Jika Anda atau orang yang Anda kenal sudah berada di sana dan tidak bisa keluar: hubungi kedutaan besar Indonesia (KBRI) di bawah sekarang, bagikan lokasi, dan rahasiakan percakapan dari pemberi kerja. Bantuan kepulangan dari KBRI gratis.
screening-advice-non-placement-country = Kamboja, Myanmar dan Laos bukan negara tujuan resmi pekerja migran Indonesia. Kerja di sana tidak bisa diproses secara resmi. Jangan berangkat.
screening-advice-no-tourist-visa = Jangan pernah berangkat kerja dengan visa turis atau bebas visa. Penempatan resmi memakai visa kerja dan perjanjian kerja yang ditandatangani.
screening-advice-keep-passport = Jangan pernah menyerahkan paspor. Memegang paspor sendiri adalah hak Anda.
screening-advice-never-lie-to-immigration = Jangan pernah berbohong ke petugas imigrasi demi perekrut. Hentikan dan laporkan.
screening-advice-no-fees = Jangan membayar biaya pendaftaran atau proses, apalagi ke rekening pribadi.
screening-advice-refuse-money = Jangan terima uang dari perekrut yang tidak dikenal; laporkan.
screening-advice-no-personal-data = Jangan kirim foto KTP atau paspor sebelum pemberi kerja dan perusahaan penempatannya terbukti resmi.
screening-advice-no-irregular-route = Jangan menempuh rute yang menyeberang perbatasan lewat darat, sungai atau perahu kecil untuk menuju tempat kerja.
screening-advice-fraud-work = Pekerjaan yang dijelaskan adalah penipuan. Orang yang menerimanya sering disekap dan dipaksa menipu orang lain.
screening-advice-gambling-front = Kerja judi online atau kasino di luar negeri sering menjadi kedok kerja paksa penipuan.
screening-advice-penalty-trap = Tanyakan secara tertulis apa yang terjadi jika Anda ingin berhenti lebih awal. Denda dan gaji yang ditahan dipakai untuk menjerat pekerja.
screening-advice-free-becomes-debt = Tanyakan secara tertulis siapa yang membayar tiket dan tempat tinggal. Keberangkatan "gratis" sering berubah jadi utang.
screening-advice-salary-bait = Bandingkan gajinya dengan upah sebenarnya untuk pekerjaan itu di sana. Gaji sangat tinggi untuk pemula adalah umpan.
screening-advice-too-good = Kalau terlalu bagus untuk jadi kenyataan, memang bukan kenyataan.
screening-advice-competence = Kerja resmi di luar negeri meminta pelatihan, sertifikat kompetensi dan pemeriksaan kesehatan.
screening-advice-exact-workplace = Mintalah nama pemberi kerja, alamat dan kontrak untuk tempat kerja akhir sebelum apa pun.
screening-advice-ask-contract = Minta perjanjian kerja dan izin kerja sebelum berangkat; perjanjian ditandatangani di hadapan petugas di Indonesia.
screening-advice-take-time = Jangan terburu-buru. Penempatan resmi butuh berminggu-minggu; desakan untuk cepat berangkat adalah tanda bahaya.
screening-advice-tell-family = Bagikan nama pemberi kerja, alamat dan kontrak kepada keluarga, dan lapor diri lewat aplikasi Safe Travel atau peduliwni.kemlu.go.id.
screening-advice-known-recruiter = Salah satu nomor atau akun di teks ini sudah pernah dilaporkan. Jangan berurusan dengan perekrut ini.
screening-advice-verify-agency = Cek perusahaan penempatan (P3MI) dan lowongannya di SISKOP2MI (situs resmi pemerintah untuk lowongan kerja luar negeri, siskop2mi.bp2mi.go.id), daftar lewat SIAPkerja (situs lowongan resmi Kementerian Ketenagakerjaan), atau tanyakan ke dinas tenaga kerja (Disnaker) atau kantor pelindungan pekerja migran (BP3MI) di daerah Anda.
screening-advice-official-channels = Gunakan hanya jalur resmi: SISKOP2MI (situs resmi pemerintah untuk lowongan kerja luar negeri), dinas tenaga kerja (Disnaker) atau kantor pelindungan pekerja migran (BP3MI) di daerah Anda. Tidak ada yang bisa menjamin kelulusan dengan bayaran.
screening-advice-warning-thanks = Terima kasih sudah membagikan peringatan. Jika Anda menerima tawaran seperti ini, kirimkan ke saya untuk dicek, atau laporkan perekrutnya.
screening-advice-report = Anda bisa melaporkan perekrut ini di sini, supaya petugas bisa memperingatkan orang lain.
screening-advice-hotline = Bantuan: { hotline-name }, { $number }.
screening-advice-hotline-no-number = Bantuan: { hotline-name }, lewat Portal Peduli WNI (peduliwni.kemlu.go.id) atau aplikasi Safe Travel.

## Keluaran baris perintah (npx waspada check)
screening-cli-result = Hasil: { $level } (skor { $score })
screening-cli-reasons = Alasannya:
screening-cli-no-reasons = Tidak ditemukan tanda bahaya dalam teks ini.
screening-cli-advice = Yang perlu dilakukan:
screening-cli-destinations = Negara tujuan yang disebut: { $countries }
screening-kind-question = Teks ini terbaca sebagai pertanyaan tentang tawaran kerja; dinilai seperti tawaran yang diceritakan.
screening-kind-story = Teks ini terbaca sebagai cerita pengalaman seseorang, bukan tawaran kerja.
screening-kind-announcement = Teks ini terbaca sebagai pengumuman perusahaan, bukan tawaran kerja.

## Legitimasi dan lapisan model terlatih (isu 10)
screening-indicator-ok_professional_requirements = Lowongan ini meminta kualifikasi profesional (ijazah, pengalaman bertahun-tahun), seperti lowongan asli.
screening-indicator-ok_formal_application = Lamaran lewat situs web, portal lowongan atau kantor, dengan batas waktu atau wawancara, seperti lowongan asli.
screening-indicator-ok_work_permit_contract_local = Pemberi kerja menyebut izin kerja, kontrak tertulis atau jaminan sosial.
screening-indicator-ok_verifiable_employer = Pemberi kerja bisa dicek: ada domain web atau e-mail miliknya sendiri.
screening-indicator-model_resembles_reported_scams = Teks ini mirip tawaran yang pernah dilaporkan sebagai penipuan (model terlatih menilainya { $percent } %). Tidak ada satu tanda pasti: cek pemberi kerjanya sebelum membalas.
screening-indicator-model_unlike_reported_scams = Teks ini tidak mirip tawaran yang dilaporkan sebagai penipuan (model terlatih menilainya { $percent } %), dan tidak ada tanda kuat.
screening-indicator-ok_gig_fee_is_pay = "Fee" di sini adalah bayaran per hari atau per acara untuk kerja lepas, bukan uang yang Anda bayar.
screening-indicator-ok_local_gig_pay = Upah per hari atau per jam dalam rupiah (mata uang setempat), untuk kerja yang tidak menyebut tempat di luar negeri: begitulah kerja harian di dalam negeri dibayar.
screening-indicator-known_reported_offer = Tawaran ini sama dengan { $count } laporan sebelumnya: teks yang sama pernah dilaporkan.
screening-indicator-ok_licence_number = Perekrut mencantumkan nomor izin yang bisa dicek ke instansi pemberi izin.
