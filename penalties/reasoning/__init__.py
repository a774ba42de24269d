"""The legal steps, each written once and shared by every entry point (`assess`, `assess_batch`, `explain_amount`, the CLI).

case_dates      the case's dates, their defaults and order, the day the MCI is valued on
version_choice  the version to apply, with lex mitior between commission and decision
mitior          lex mitior as a documented partial order of versions
sanction        the sanction with the General Part's limits (`resolve`), the day they are read
money           MCI -> tenge -> US dollars, exactly; when the MCI is needed at all
"""
