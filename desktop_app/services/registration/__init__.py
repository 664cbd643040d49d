"""Registration lists: participants arrive as Excel or CSV lists; these modules read, check and
write them into a dialogue's delegations, all rows or none.

reading  -> the file as rows of text, refusing hostile files with one sentence
columns  -> which row is the header and which column holds what
values   -> one cell's text as a sex, a party, an e-mail address
checking -> every row checked, bad rows named by their row number, known people found
writing  -> the checked list written into a dialogue in one unit of work
lists    -> the use cases the wizard and tests call: open a list, check it, import it
"""
