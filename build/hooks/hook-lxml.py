# Replaces pyinstaller-hooks-contrib's hook-lxml (which collects every lxml submodule: html, objectify,
# isoschematron ..., about 4 MB and a page of "hidden import not found" warnings). kilabel reaches lxml
# only through pikepdf's XMP support, which uses lxml.etree; etree imports _elementpath from C.
hiddenimports = ["lxml.etree", "lxml._elementpath"]
