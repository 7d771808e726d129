<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../image_list.py" line="76"/>
        <location filename="../image_list.py" line="78"/>
        <source>Error: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../image_list.py" line="81"/>
        <source>exported ({0} files)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../image_list.py" line="83"/>
        <source>exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../image_list.py" line="86"/>
        <source>{0} – {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../image_list.py" line="88"/>
        <source>skipped: the file exists already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../image_list.py" line="93"/>
        <source>source type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../image_list.py" line="93"/>
        <source>AI system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../image_list.py" line="94"/>
        <source>Details missing: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../image_list.py" line="96"/>
        <source>ready – {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../image_list.py" line="111"/>
        <source>note: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../image_list.py" line="113"/>
        <source>{0} notes: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../image_list.py" line="90"/>
        <source>loading …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../image_list.py" line="97"/>
        <source>ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../image_list.py" line="313"/>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="32"/>
        <source>Open image files (Ctrl+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="38"/>
        <source>Open every image in a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="68"/>
        <source>&amp;Check files …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="75"/>
        <source>Check &amp;folder …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="89"/>
        <source>&amp;Register …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="90"/>
        <source>Create image cre&amp;dits …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="91"/>
        <source>Si&amp;gning identity …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="92"/>
        <source>&amp;Settings …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="146"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="32"/>
        <source>&amp;Open images …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="35"/>
        <source>Open &amp;folder …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="40"/>
        <source>Load sample i&amp;mages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="43"/>
        <source>Import &amp;provenance list …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="46"/>
        <source>Fill in the provenance of the loaded images from a CSV or Excel list, by file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="48"/>
        <source>Open &amp;job …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="49"/>
        <source>&amp;Save job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="50"/>
        <source>Save job &amp;as …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="51"/>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="52"/>
        <source>&amp;Cancel export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="53"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="54"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="56"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="59"/>
        <source>Select &amp;all images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="60"/>
        <source>Re&amp;move from list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="61"/>
        <source>&amp;Next image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="62"/>
        <source>&amp;Previous image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="63"/>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="64"/>
        <source>Zoom &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="65"/>
        <source>&amp;Fit to window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="71"/>
        <source>Show what a file says about its origin and whether its signature is valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="78"/>
        <source>Find existing images and PDFs that are AI-generated but carry no visible label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="82"/>
        <source>Re&amp;label images and PDFs …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="86"/>
        <source>Label images and finished brochure or poster PDFs that went out without a label; every correction is recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="93"/>
        <source>&amp;Quick guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="94"/>
        <source>&amp;About kilabel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="98"/>
        <source>Stop the running export after the current file (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="101"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="111"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="115"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="119"/>
        <source>E&amp;xtras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="125"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="128"/>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preset_files.py" line="57"/>
        <source>Save as new preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preset_files.py" line="58"/>
        <source>Name of the new preset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preset_files.py" line="69"/>
        <source>Cannot save the preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preset_files.py" line="73"/>
        <source>Preset saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preset_files.py" line="77"/>
        <source>Import preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preset_files.py" line="77"/>
        <location filename="../preset_files.py" line="93"/>
        <source>Label presets (*.toml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preset_files.py" line="84"/>
        <source>Cannot import the preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preset_files.py" line="88"/>
        <source>Preset imported: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preset_files.py" line="93"/>
        <source>Export preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preset_files.py" line="102"/>
        <source>Cannot export the preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preset_files.py" line="104"/>
        <source>Preset written to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_tools.py" line="43"/>
        <source>A provenance template cannot be used: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_tools.py" line="45"/>
        <source>(and {0} more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_tools.py" line="62"/>
        <source>No template named &apos;{0}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_tools.py" line="67"/>
        <source>Select the images the template is for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_tools.py" line="72"/>
        <source>Template &apos;{0}&apos; applied to {1} image(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_tools.py" line="82"/>
        <location filename="../provenance_tools.py" line="87"/>
        <source>Save provenance template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_tools.py" line="82"/>
        <source>Fill in some provenance first: there is nothing to keep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_tools.py" line="87"/>
        <source>Name of the template:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_tools.py" line="95"/>
        <source>Replace the template &apos;{0}&apos;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_tools.py" line="100"/>
        <source>Cannot save the template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_tools.py" line="103"/>
        <source>Template saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_tools.py" line="108"/>
        <source>Delete the template &apos;{0}&apos;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_tools.py" line="113"/>
        <source>Cannot delete the template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_tools.py" line="116"/>
        <source>Template deleted: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_tools.py" line="139"/>
        <source>The list cannot be used: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_tools.py" line="140"/>
        <source>{0} of {1} rows matched loaded images; {2} image(s) updated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_tools.py" line="145"/>
        <source>Not among the loaded images: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_tools.py" line="180"/>
        <location filename="../provenance_tools.py" line="185"/>
        <location filename="../provenance_tools.py" line="195"/>
        <source>Import provenance list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_tools.py" line="180"/>
        <source>Open the images the list is for first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_tools.py" line="187"/>
        <source>Provenance lists ({0});;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../about.py" line="79"/>
        <source>All licence texts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="81"/>
        <source>Visible AI labels and signed provenance (IPTC/XMP, EXIF, C2PA) for AI-generated images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="83"/>
        <source>Source code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="84"/>
        <source>Licences of the parts that ship with kilabel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="85"/>
        <source>Qt is linked dynamically; you may replace its libraries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="86"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="87"/>
        <source>CMYK profile kilabel-FOGRA39</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="88"/>
        <source>public domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="89"/>
        <source>with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="90"/>
        <source>Sample images and icons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="110"/>
        <source>About kilabel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckView</name>
    <message>
        <location filename="../check_dialog.py" line="66"/>
        <location filename="../check_dialog.py" line="107"/>
        <source>Check files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="68"/>
        <source>← Back to the images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="72"/>
        <source>Open or drop any image to see whether it is labelled as AI-generated, what it says about its origin and whether its signature is valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="77"/>
        <source>Open files …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="79"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="83"/>
        <source>Check results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="109"/>
        <source>Images and PDFs (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.pdf);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="122"/>
        <location filename="../check_dialog.py" line="127"/>
        <source>Checking …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="139"/>
        <source>No file checked yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="164"/>
        <source>How it was made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="165"/>
        <source>AI system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="166"/>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="167"/>
        <source>Prompt by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="168"/>
        <source>Creator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="169"/>
        <source>Image credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="170"/>
        <source>Visible label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="171"/>
        <source>Register id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="172"/>
        <source>Signed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="173"/>
        <source>Signed with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="176"/>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="178"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="181"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="192"/>
        <source>kilabel verify “{0}” shows them (in English)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="194"/>
        <source>Technical details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ColourButton</name>
    <message>
        <location filename="../label_panel.py" line="53"/>
        <source>Choose colour</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CreditsDialog</name>
    <message>
        <location filename="../credits_view.py" line="50"/>
        <source>Image credits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../credits_view.py" line="53"/>
        <source>(selection)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../credits_view.py" line="53"/>
        <source>(all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../credits_view.py" line="60"/>
        <source>Plain text (layout program)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../credits_view.py" line="71"/>
        <source>Image credits as they will be copied or saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../credits_view.py" line="73"/>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../credits_view.py" line="74"/>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../credits_view.py" line="75"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../credits_view.py" line="76"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../credits_view.py" line="76"/>
        <source>Save …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../credits_view.py" line="115"/>
        <source>Save image credits</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DropZone</name>
    <message>
        <location filename="../empty_state.py" line="37"/>
        <source>Drop AI-generated images or a folder here to label them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../empty_state.py" line="41"/>
        <source>Open images …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../empty_state.py" line="42"/>
        <source>Open folder …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../empty_state.py" line="47"/>
        <source>Load sample images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../empty_state.py" line="54"/>
        <source>JPEG, PNG, TIFF or WebP · the originals are never changed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExistingFilesDialog</name>
    <message>
        <location filename="../existing_dialog.py" line="32"/>
        <source>Files exist already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../existing_dialog.py" line="36"/>
        <source>… and {0} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../existing_dialog.py" line="39"/>
        <source>{0} of the {1} files to export exist already in {2}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../existing_dialog.py" line="43"/>
        <source>Existing files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../existing_dialog.py" line="44"/>
        <source>What should happen with them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../existing_dialog.py" line="47"/>
        <source>&amp;Overwrite them (the register records the new files as corrections)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../existing_dialog.py" line="49"/>
        <source>Save under a &amp;new name (name-2.jpg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../existing_dialog.py" line="50"/>
        <source>&amp;Skip them and export only the others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../existing_dialog.py" line="51"/>
        <source>Overwrite them as a &amp;correction, with this reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../existing_dialog.py" line="58"/>
        <source>Reason for the correction (goes into the register)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../existing_dialog.py" line="59"/>
        <source>Reason for the correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../existing_dialog.py" line="63"/>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../existing_dialog.py" line="64"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <location filename="../export_controller.py" line="98"/>
        <source>An export is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="100"/>
        <source>Go back to the images to export them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="103"/>
        <source>Open images first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="107"/>
        <source>Choose the source type (Provenance) for: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="109"/>
        <source>Tick at least one export profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="118"/>
        <source>AI system missing (Provenance) for: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="124"/>
        <source>Label, sign and export {0} image(s) (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="184"/>
        <location filename="../export_controller.py" line="185"/>
        <source>you have no permission to write there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="186"/>
        <source>the disk is read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="187"/>
        <source>the disk is full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="188"/>
        <source>the folder does not exist and cannot be made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="189"/>
        <source>a file of that name is in the way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="197"/>
        <source>Nothing exported: cannot write to the folder {0} ({1}). Choose another output folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="202"/>
        <location filename="../export_controller.py" line="204"/>
        <source>Cannot write to the output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="220"/>
        <source>Export cancelled: nothing exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="237"/>
        <source>kilabel (local)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="263"/>
        <source>Preparing the export …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="305"/>
        <source>Cancelling …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="308"/>
        <source>{0} of {1} exported · {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="326"/>
        <source>{0} of {1} exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="342"/>
        <source>{0} register entries wait on this computer (the team register cannot be reached); they are sent with the next export or by kilabel register sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="355"/>
        <source>Export stopped: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="357"/>
        <source>{0} of {1} files exported to {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="359"/>
        <source>Nothing exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="361"/>
        <source>{0} failed (see the list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="363"/>
        <source>{0} skipped (the files exist already)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="366"/>
        <source>{0} NOT recorded in the register (exporting them again records them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="371"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportSummary</name>
    <message>
        <location filename="../export_summary.py" line="26"/>
        <source>Export: warnings and errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_summary.py" line="32"/>
        <source>{0} of {1} exports need a look: {2} with warnings, {3} failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_summary.py" line="38"/>
        <source>Warnings and errors per file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_summary.py" line="39"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_summary.py" line="39"/>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_summary.py" line="39"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_summary.py" line="48"/>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_summary.py" line="49"/>
        <source>Show &amp;folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_summary.py" line="63"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_summary.py" line="63"/>
        <source>exported as {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Extras</name>
    <message>
        <location filename="../extras.py" line="42"/>
        <source>{0} is not available in this version of kilabel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../extras.py" line="48"/>
        <source>The register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../extras.py" line="55"/>
        <source>Creating image credits</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FolderCheckDialog</name>
    <message>
        <location filename="../folder_check_view.py" line="131"/>
        <source>Folder …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="133"/>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="135"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="139"/>
        <source>Choose a folder: every image and PDF below it is checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="146"/>
        <location filename="../folder_check_view.py" line="451"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="147"/>
        <location filename="../folder_check_view.py" line="453"/>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="149"/>
        <location filename="../folder_check_view.py" line="457"/>
        <source>Source type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="150"/>
        <location filename="../folder_check_view.py" line="458"/>
        <source>AI system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="148"/>
        <location filename="../folder_check_view.py" line="455"/>
        <source>Provenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="120"/>
        <source>Check a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="141"/>
        <source>Only files that need attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="151"/>
        <location filename="../folder_check_view.py" line="460"/>
        <source>Recorded label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="152"/>
        <location filename="../folder_check_view.py" line="461"/>
        <source>Visible label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="153"/>
        <location filename="../folder_check_view.py" line="454"/>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="170"/>
        <source>Details of the selected file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="171"/>
        <source>Checked files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="180"/>
        <source>Save CSV …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="181"/>
        <source>Save JSON …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="216"/>
        <source>labelled (according to the metadata, not confirmed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="218"/>
        <source>labelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="219"/>
        <source>AI image, no visible label found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="220"/>
        <source>AI image, visible label not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="221"/>
        <source>provenance damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="222"/>
        <source>no AI provenance found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="223"/>
        <source>cannot read this file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="229"/>
        <source>not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="231"/>
        <source>not checked (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="233"/>
        <source>not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="235"/>
        <source>seen: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="237"/>
        <source>seen for every AI image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="239"/>
        <source>text recognition not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="246"/>
        <source>register entry %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="248"/>
        <source>metadata: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="250"/>
        <source>C2PA: label added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="257"/>
        <source>The file cannot be read: it is empty, damaged or not an image or PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="269"/>
        <source>no IPTC source type, AI system or C2PA AI action in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="272"/>
        <source>kilabel drew the label and the signature is intact since (C2PA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="276"/>
        <source>according to the file&apos;s metadata only (not seen: text recognition not available, no intact signature)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="286"/>
        <source>identical to the file kilabel labelled (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="289"/>
        <source>label wording seen by text recognition: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="297"/>
        <source>text recognition found no “KI”/“AI” wording at the edges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="302"/>
        <source>, although kilabel recorded a label (%1): check by eye</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="130"/>
        <location filename="../folder_check_view.py" line="337"/>
        <source>Folder to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="344"/>
        <source>Not a folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="445"/>
        <source>Select a file to see everything the check found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="448"/>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="452"/>
        <source>File type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="456"/>
        <source>Provenance details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="459"/>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="462"/>
        <source>Placed images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="478"/>
        <source>%1 files checked, %2 need attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="482"/>
        <source> (cancelled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="490"/>
        <source>Save results</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../about.py" line="119"/>
        <source>&lt;b&gt;Open images&lt;/b&gt;: drop files or a folder onto the window, or use Open images (Ctrl+O).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="122"/>
        <source>&lt;b&gt;Choose the label&lt;/b&gt;: pick a preset on the right; change wording, size, colours. Drag the label in the preview to another corner, or nudge it with the arrow keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="126"/>
        <source>&lt;b&gt;Say how each image was made&lt;/b&gt;: select one or several images and fill in Provenance. The source type is required; the AI system is needed for AI images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="129"/>
        <source>&lt;b&gt;Choose the output&lt;/b&gt;: tick one or more export profiles and an output folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="131"/>
        <source>&lt;b&gt;Export&lt;/b&gt; (Ctrl+E): every file gets the visible label, the metadata and a C2PA signature. The originals are never changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="134"/>
        <source>&lt;b&gt;Check&lt;/b&gt; any file later with Extras → Check files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="137"/>
        <source>Keys: Ctrl+O open · Ctrl+E export · PgDown/PgUp or Alt+↓/↑ next/previous image · Ctrl+Z undo · +/− zoom · Ctrl+0 fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="140"/>
        <source>Quick guide</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <location filename="../identity_dialog.py" line="26"/>
        <location filename="../identity_dialog.py" line="102"/>
        <source>Signing identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="32"/>
        <source>Organisation, e.g. Stadt Musterstadt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="33"/>
        <source>Create new local identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="40"/>
        <source>A new identity replaces the current one. Files signed before stay valid. To use your organisation&apos;s certificate: kilabel keys import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="74"/>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="68"/>
        <source>&lt;b&gt;No signing identity yet.&lt;/b&gt; One is created on the first export, or create it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="51"/>
        <source>&amp;Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="75"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="76"/>
        <source>Algorithm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="77"/>
        <source>Valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="78"/>
        <source>Fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="79"/>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LabelPanel</name>
    <message>
        <location filename="../label_panel.py" line="81"/>
        <location filename="../label_panel.py" line="203"/>
        <source>Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="121"/>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="170"/>
        <source>all images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="171"/>
        <source>selected images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="377"/>
        <source>Save these settings as a new preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="85"/>
        <source>Save, import or export presets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="90"/>
        <source>Save as new preset …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="92"/>
        <source>Import preset …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="93"/>
        <source>Export preset …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="105"/>
        <source>Which wording is drawn on the exported images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="109"/>
        <source>Text height as a share of the image&apos;s short edge (web, same size)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="113"/>
        <source>Text height in points when the export has a physical size (print)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="117"/>
        <source>Share of the short edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="118"/>
        <source>Text height in print (pt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="122"/>
        <source>Fixed colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="125"/>
        <source>Automatic: a dark or a light label, whichever stands out from the pixels under it. Fixed: the two colours on the right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="133"/>
        <source>Text colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="134"/>
        <source>Box colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="140"/>
        <source>Box behind the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="143"/>
        <location filename="../label_panel.py" line="144"/>
        <source>Opacity of the box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="158"/>
        <source>Position: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="162"/>
        <source>Along the edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="163"/>
        <source>Run the label upwards along the left or right edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="166"/>
        <source>Reset nudge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="167"/>
        <source>Put the label back exactly on its anchor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="174"/>
        <source>Whether moving the label changes it for every image or only for the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="205"/>
        <source>Text (German)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="206"/>
        <source>Text (English)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="207"/>
        <source>On the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="209"/>
        <location filename="../label_panel.py" line="293"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="211"/>
        <source>Colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="212"/>
        <source>Box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="213"/>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="214"/>
        <source>Watermark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="218"/>
        <source>Moving the label applies to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="219"/>
        <source>Preset menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="220"/>
        <source>Language on the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="243"/>
        <source>top left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="244"/>
        <source>top centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="245"/>
        <source>top right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="246"/>
        <source>middle left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="247"/>
        <source>centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="248"/>
        <source>middle right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="249"/>
        <source>bottom left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="250"/>
        <source>bottom centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="251"/>
        <source>bottom right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="260"/>
        <source>Tiled across the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="261"/>
        <source>Once, centred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="264"/>
        <source>Repeat the watermark over the whole image or draw it once in the middle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="269"/>
        <source>How strongly the watermark covers the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="273"/>
        <source>Rotation of the watermark, counter-clockwise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="276"/>
        <source>Height of the watermark text as a share of the image&apos;s short edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="281"/>
        <source>Space between the repeated watermarks (100 % as the preset ships)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="291"/>
        <source>Opacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="292"/>
        <source>Angle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="299"/>
        <source>Watermark opacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="300"/>
        <source>Watermark angle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="301"/>
        <source>Watermark size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="302"/>
        <source>Watermark repetition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="303"/>
        <source>Spacing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="305"/>
        <source>Watermark spacing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="363"/>
        <source>This preset is locked (locked = true in its file): it can be used but not changed. Position stays free per job.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="379"/>
        <source>Locked preset: usable, not changeable.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../mainwindow.py" line="230"/>
        <source>Open images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="230"/>
        <source>Images ({0});;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="237"/>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="273"/>
        <source>Images ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="395"/>
        <source>Preset: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="420"/>
        <source>Change {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="444"/>
        <source>Nudge label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="492"/>
        <source>Open job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="494"/>
        <location filename="../mainwindow.py" line="533"/>
        <source>kilabel jobs (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="506"/>
        <source>Cannot open job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="531"/>
        <source>Save job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="544"/>
        <source>Cannot save job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="548"/>
        <source>Job saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="618"/>
        <source>Some presets could not be read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageTexts</name>
    <message>
        <location filename="../messages.py" line="23"/>
        <source>{file}: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="24"/>
        <source>{file}: cannot read: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="25"/>
        <source>{file}: empty file (0 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="26"/>
        <source>{file}: not an image kilabel can read (JPEG, PNG, TIFF, WebP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="28"/>
        <source>{file}: {format} images are not supported (JPEG, PNG, TIFF, WebP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="30"/>
        <source>{file}: animated image ({frames} frames): kilabel labels still images only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="31"/>
        <source>{file}: the image data is damaged or cut off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="32"/>
        <source>{file}: the image data is damaged or cut off ({detail})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="34"/>
        <source>{file}: declares {w}×{h} pixels ({mp:.0f} MP), above the limit of {limit:.0f} MP (likely a decompression bomb; raise the setting max_megapixels to allow)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="36"/>
        <source>the file is truncated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="37"/>
        <source>{file}: no source type (give --source-type or a provenance file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="39"/>
        <source>{file}: no source type in the file&apos;s metadata (give --source-type)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="41"/>
        <source>{file}: not a readable PDF ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="42"/>
        <source>{file}: cannot write to {folder}: the disk is full ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="43"/>
        <source>{file}: cannot write to {folder}: the disk quota is used up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="44"/>
        <source>{file}: cannot write to {folder}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="45"/>
        <source>{file}: cannot write to {folder}: writing the image failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="47"/>
        <source>{file}: cannot write to {folder}: writing the image failed; {mb:.1f} MB free there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="49"/>
        <source>{folder}: the output folder cannot be written to ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="51"/>
        <source>{file}: the file name contains bytes that are not UTF-8 text; rename the file and {verb} again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="54"/>
        <source>{file}: a text given for this file contains bytes that are not UTF-8 text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="56"/>
        <source>{file}: the content credentials (C2PA) could not be signed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="57"/>
        <source>{file}: not enough memory to {verb} this image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="58"/>
        <source>{file}: the signed output does not validate: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="60"/>
        <source>{file}: the signed output with its sidecar manifest does not validate: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="62"/>
        <source>{file}: refused (--strict): {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="64"/>
        <source>{file}: --out is the input&apos;s own folder; relabelled files go to another folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="67"/>
        <source>{file}: the file&apos;s structure is damaged; kilabel cannot read it ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="69"/>
        <source>{bits}-bit input written as 8-bit ({mode})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="70"/>
        <source>16-bit input ({mode}) written as 8-bit greyscale (L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="72"/>
        <source>colour mode {mode} written as {target} (kilabel draws in L, RGB, RGBA or CMYK)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="75"/>
        <source>the original&apos;s EXIF tag 0x{tag:04X} was left out: its value is malformed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="78"/>
        <source>the original&apos;s EXIF is malformed and was left out (kilabel&apos;s own EXIF fields are written)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="81"/>
        <source>the original&apos;s EXIF tag 0x{tag:04X} was left out: the EXIF segment holds 64 KB at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="83"/>
        <source>{frames} pages/frames: only the first is written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="85"/>
        <source>the input&apos;s C2PA manifest is INVALID ({reason}); it is kept as the parent ingredient and recorded as invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="87"/>
        <source>CMYK input without ICC profile: assumed FOGRA39</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="88"/>
        <source>{mode} (16-bit or more) input exported as 8-bit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="89"/>
        <source>16-bit input exported as 8-bit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="91"/>
        <source>the image&apos;s transparent colour is stated in a way that names no colour; it is ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="93"/>
        <source>multi-page TIFF: only the first of {pages} pages is exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="95"/>
        <source>the file&apos;s EXIF metadata is damaged; the parts that cannot be read are left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="97"/>
        <source>the PNG&apos;s animation data is damaged; its first image is used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="98"/>
        <source>the file&apos;s multi-picture data is damaged; its first picture is used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="99"/>
        <source>the image&apos;s transparency could not be kept exactly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="100"/>
        <source>the file&apos;s XMP metadata cannot be read (defusedxml is not installed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="102"/>
        <source>the label&apos;s text is laid out without complex-script shaping (libraqm is not installed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="104"/>
        <source>a problem while reading or writing this file: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="105"/>
        <source>the TIFF data could not be written completely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="106"/>
        <source>part of the image data is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="107"/>
        <source>the image library reported: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="109"/>
        <source>the input&apos;s C2PA manifest is invalid; it is kept as parent and marked so</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="111"/>
        <source>{file}: no such file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="112"/>
        <source>{file}: not a readable image ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="113"/>
        <source>checked together with {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="114"/>
        <source>metadata not read: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="116"/>
        <source>{field}: “{xmp}” in XMP/IPTC (not signed), “{signed}” in the manifest (signed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="118"/>
        <source>the parent manifest (earlier history) is invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="119"/>
        <source>identity credential not on your trust list: {who}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="120"/>
        <source>the signer is not on your trust list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="122"/>
        <source>manifest read from the sidecar {name} (not embedded in the file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="125"/>
        <source>found by its picture fingerprint ({alg}): {dist} of {bits} bits differ from register entry {entry} ({name})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="127"/>
        <source>picture fingerprint not computed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="128"/>
        <source>register not searched: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="130"/>
        <source>source type is a montage/composite but preset &apos;{preset}&apos; does not say so (try ki-montage)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="132"/>
        <source>preset &apos;{preset}&apos; says montage but the source type is {source_type}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="133"/>
        <source>low label contrast {ratio}:1 against the pixels underneath</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="134"/>
        <source>the fit crops {share:.0%} of the image (left and right) to fill the format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="135"/>
        <source>the fit crops {share:.0%} of the image (top and bottom) to fill the format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="137"/>
        <source>low resolution: {dpi:.0f} dpi effective at {w:g}×{h:g} mm (under {limit} dpi)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="139"/>
        <source>image enlarged to fit the profile (upscaled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="141"/>
        <source>kept at {dpi:.0f} dpi (not upsampled); set upsample = true in the profile to resample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="144"/>
        <source>label text {size:.1f} pt is under the minimum of {minimum:g} pt for profile &apos;{name}&apos; at {where} (raise the preset&apos;s height_pt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="147"/>
        <source>label text {size:.1f} pt is under the minimum of {minimum:g} pt for preset &apos;{name}&apos; at {where} (raise the preset&apos;s height_pt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="150"/>
        <source>the label ({size}) does not fit inside the safety margin; it comes closer to the edge than allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="153"/>
        <source>the label would be cut off where platforms crop the image to {crops} (centred); move it nearer the centre or choose a larger margin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="156"/>
        <source>preset &apos;{preset}&apos; shows the EU icon for fully AI-generated content, but the source type {source_type} means partially AI-modified (level = &quot;auto&quot; follows the source type)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="159"/>
        <source>preset &apos;{preset}&apos; shows the EU icon for partially AI-modified content, but the source type {source_type} means fully AI-generated (level = &quot;auto&quot; follows the source type)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="162"/>
        <source>preset &apos;{preset}&apos; shows an EU AI icon, but the source type {source_type} declares no AI</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutputPanel</name>
    <message>
        <location filename="../output_panel.py" line="46"/>
        <source>Export profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../output_panel.py" line="53"/>
        <source>Choose an output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../output_panel.py" line="57"/>
        <source>Choose …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../output_panel.py" line="58"/>
        <source>Choose the output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../output_panel.py" line="66"/>
        <source>Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../output_panel.py" line="67"/>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../output_panel.py" line="54"/>
        <location filename="../output_panel.py" line="101"/>
        <source>Output folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../preview.py" line="290"/>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="291"/>
        <source>Zoom out (−)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="292"/>
        <source>Zoom in (+)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="293"/>
        <location filename="../preview.py" line="296"/>
        <source>Show the whole image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="294"/>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="295"/>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="297"/>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="306"/>
        <location filename="../preview.py" line="308"/>
        <source>Soft proof</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="310"/>
        <location filename="../preview.py" line="423"/>
        <source>Choose a CMYK print profile to see how the print will look</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="315"/>
        <source>Which export profile the preview shows (size, crop, trim)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="298"/>
        <location filename="../preview.py" line="322"/>
        <source>Drag the label to move it · arrow keys nudge it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="332"/>
        <source>Print check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="316"/>
        <location filename="../preview.py" line="345"/>
        <source>Preview for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="395"/>
        <source>Print check: {0} dpi effective at the printed size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="396"/>
        <source>nothing to note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="421"/>
        <source>Show how the print will look through the profile&apos;s CMYK ICC profile (soft proof)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="454"/>
        <source>Loading preview …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="499"/>
        <source>Cannot draw the preview: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="507"/>
        <source>{0} × {1} px</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressBar</name>
    <message>
        <location filename="../export_controller.py" line="37"/>
        <source>Export progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="38"/>
        <location filename="../export_controller.py" line="55"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="39"/>
        <source>Show folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProvenancePanel</name>
    <message>
        <location filename="../provenance_panel.py" line="48"/>
        <source>— please choose —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="52"/>
        <source>IPTC digital source type: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="56"/>
        <source>How the image was made (IPTC digital source type)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="65"/>
        <source>Credit line as printed, e.g. &apos;Bild: KI-generiert (Midjourney)&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="68"/>
        <source>The campaign the image belongs to; the register and the image credits filter by it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="71"/>
        <source>Who commissioned the image (stored in the file and the register)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="76"/>
        <source>The text given to the AI system; stored exactly in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="82"/>
        <source>Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="83"/>
        <source>Source type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="84"/>
        <source>AI system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="85"/>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="86"/>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="87"/>
        <source>Prompt by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="88"/>
        <source>Creator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="89"/>
        <source>Image credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="90"/>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="91"/>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="93"/>
        <source>Provenance template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="104"/>
        <source>A saved set of provenance values (source type, AI system, credit …)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="108"/>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="109"/>
        <source>Apply template to the selected images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="110"/>
        <source>Set the template&apos;s values for the selected images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="116"/>
        <source>Templates and provenance lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="117"/>
        <source>Save or delete templates, import a provenance list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="123"/>
        <source>Save values as template …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="126"/>
        <source>Delete template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="130"/>
        <source>Import provenance list …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="141"/>
        <source>— no template —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="141"/>
        <source>— none saved yet —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="176"/>
        <source>(differs)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <location filename="../register_view.py" line="79"/>
        <source>Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="84"/>
        <source>from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="84"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="90"/>
        <location filename="../register_view.py" line="175"/>
        <source>Search file names, prompts, register ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="91"/>
        <source>Only current (hide superseded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="171"/>
        <location filename="../register_view.py" line="186"/>
        <location filename="../register_view.py" line="286"/>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="172"/>
        <location filename="../register_view.py" line="187"/>
        <location filename="../register_view.py" line="280"/>
        <source>AI system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="116"/>
        <location filename="../register_view.py" line="177"/>
        <source>History of this image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="92"/>
        <source>&amp;Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="92"/>
        <source>AI s&amp;ystem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="125"/>
        <source>Public (without operator and file paths)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="126"/>
        <source>Find file …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="128"/>
        <source>Export CSV …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="129"/>
        <source>Export JSON …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="131"/>
        <source>Image credits …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="173"/>
        <source>Entries from this date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="174"/>
        <source>Entries up to this date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="176"/>
        <source>Register entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="178"/>
        <source>Details of the entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="184"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="185"/>
        <source>Output file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="189"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="196"/>
        <source>(all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../register_view.py" line="218"/>
        <source>%n entries</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../register_view.py" line="224"/>
        <source>correction of {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="224"/>
        <source>no reason given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="227"/>
        <source>superseded by {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="228"/>
        <source>current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="272"/>
        <source>Register id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="273"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="274"/>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="275"/>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="188"/>
        <location filename="../register_view.py" line="276"/>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="277"/>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="278"/>
        <source>Export profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="279"/>
        <source>Source type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="281"/>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="282"/>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="283"/>
        <source>Prompt by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="284"/>
        <source>Creator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="285"/>
        <source>Image credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="287"/>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="288"/>
        <source>Signed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="289"/>
        <source>Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="290"/>
        <source>Exported by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="291"/>
        <source>Program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="183"/>
        <location filename="../register_view.py" line="299"/>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="307"/>
        <source>{0}: not in the register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="327"/>
        <source>{0} entries written to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="331"/>
        <source>Find a file in the register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="336"/>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="336"/>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="338"/>
        <source>Export the register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="344"/>
        <source>Cannot write {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegisterOpener</name>
    <message>
        <location filename="../register_open.py" line="53"/>
        <source>Connecting to the team register at {0} …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_open.py" line="54"/>
        <source>Do not wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_open.py" line="59"/>
        <source>Team register</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RelabelWindow</name>
    <message>
        <location filename="../relabel_window.py" line="413"/>
        <source>Relabel images and PDFs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="454"/>
        <source>Files to relabel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="457"/>
        <source>Add images or PDFs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="458"/>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="459"/>
        <source>Remove the selected files from the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="460"/>
        <source>Drop images and PDFs here, or add them with the button.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="480"/>
        <source>Preview with the label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="485"/>
        <source>Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="490"/>
        <source>Tick every picture of this PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="492"/>
        <source>Logos, masks, inline images and specks stay unticked (as --all-images does)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="503"/>
        <source>&amp;Images placed in the PDF (tick the AI-generated ones)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="507"/>
        <source>Images placed in the PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="524"/>
        <source>Label preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="528"/>
        <source>Position of the label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="533"/>
        <source>Language of the label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="535"/>
        <source>— please choose —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="538"/>
        <source>IPTC digital source type: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="540"/>
        <source>Source type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="543"/>
        <source>AI system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="544"/>
        <source>Version of the AI system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="545"/>
        <source>Creator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="549"/>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="551"/>
        <source>e.g. label missing in the printed brochure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="552"/>
        <source>Reason for the correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="553"/>
        <source>Recorded in the register; required when a file is already labelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="555"/>
        <location filename="../relabel_window.py" line="1002"/>
        <source>Output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="558"/>
        <source>C&amp;hoose …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="559"/>
        <source>Choose the output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="562"/>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="563"/>
        <source>Pre&amp;set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="565"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="566"/>
        <source>Provenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="567"/>
        <source>Source t&amp;ype</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="569"/>
        <source>&amp;Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="571"/>
        <source>Cr&amp;eator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="572"/>
        <source>Correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="591"/>
        <source>What happened to each file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="594"/>
        <source>Progress of the relabel run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="598"/>
        <source>&amp;Relabel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="599"/>
        <source>Relabel the files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="601"/>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="602"/>
        <source>Cancel the relabel run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="603"/>
        <source>No new file starts; the current one finishes (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="456"/>
        <source>A&amp;dd files …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="399"/>
        <source>kilabel (local)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="486"/>
        <source>Pa&amp;ge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="489"/>
        <source>&amp;Tick all pictures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="556"/>
        <source>O&amp;utput folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="564"/>
        <source>Positio&amp;n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="568"/>
        <source>&amp;AI system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="570"/>
        <source>Prom&amp;pt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="573"/>
        <source>Reas&amp;on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="605"/>
        <source>Close &amp;window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="606"/>
        <source>Close the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="644"/>
        <source>Top left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="645"/>
        <source>Top centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="646"/>
        <source>Top right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="647"/>
        <source>Middle left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="648"/>
        <source>Centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="649"/>
        <source>Middle right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="650"/>
        <source>Bottom left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="651"/>
        <source>Bottom centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="652"/>
        <source>Bottom right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="664"/>
        <source>Not a picture: not visible (clipped or fully transparent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="666"/>
        <source>Not a picture: a 1-bit image mask (logo, shape)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="668"/>
        <source>Not a picture: an inline image (icon, speck)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="670"/>
        <source>Not a picture: a 1-bit image (line art, logo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="672"/>
        <source>Not a picture: only {0} px on its short side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="674"/>
        <source>Not a picture: {0} mm visible on its short side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="675"/>
        <source>A picture: {0} mm on its short side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="680"/>
        <source>already carries a kilabel label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="682"/>
        <source>its C2PA manifest records a label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="684"/>
        <source>already in the register (entry {0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="691"/>
        <source>Images and PDFs to relabel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="693"/>
        <source>Images and PDFs ({0});;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="776"/>
        <location filename="../relabel_window.py" line="789"/>
        <source>reading …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="778"/>
        <location filename="../relabel_window.py" line="791"/>
        <source>cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="780"/>
        <source>relabelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="780"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="782"/>
        <source>not relabelled (cancelled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="784"/>
        <source>ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="793"/>
        <source>source type missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="795"/>
        <source>no image ticked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="797"/>
        <source>reason missing: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="805"/>
        <source>(differs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="850"/>
        <source>of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="858"/>
        <source>Image {0} · page {1} · {2} × {3} px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="862"/>
        <source>its metadata says AI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="935"/>
        <source>Add images or PDFs to see them here with their label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="938"/>
        <source>Reading {0} …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="959"/>
        <source>Cannot draw the preview: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="972"/>
        <source>{0} × {1} px; the label as it will be drawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="973"/>
        <source>Labels on this page: {0} · images ticked in the PDF: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="1143"/>
        <source>{0} of {1} placed images labelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="977"/>
        <source>simplified page (poppler&apos;s pdftoppm is not installed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="1015"/>
        <source>Add images or PDFs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="1018"/>
        <source>Nothing left to relabel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="1021"/>
        <source>Choose the output folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="1024"/>
        <source>The output folder is the folder of {0}; choose another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="1039"/>
        <source>&amp;Files ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="1103"/>
        <source>Cancelling: the current file is finished first …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="1113"/>
        <source>{0} of {1} · {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="1136"/>
        <source>{0}: failed: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="1138"/>
        <source>signed (C2PA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="1140"/>
        <source>not signed (C2PA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="1145"/>
        <source>labelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="1147"/>
        <source>{0} → {1}: {2}, {3}, recorded in the register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="1156"/>
        <source>{0}: not relabelled (cancelled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="1161"/>
        <source>{0} of {1} files relabelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="1163"/>
        <source>{0} failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="1165"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../relabel_window.py" line="1167"/>
        <source>The relabel run stopped: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../settings_dialog.py" line="49"/>
        <location filename="../settings_dialog.py" line="202"/>
        <location filename="../settings_dialog.py" line="214"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="51"/>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="56"/>
        <source>Like the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="61"/>
        <source>The person exporting; recorded in the register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="66"/>
        <source>one per core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="73"/>
        <source>none (offline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="74"/>
        <source>Fetch manifests stored on the internet when checking files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="77"/>
        <source>Off: checking files makes no network request; a manifest at a URL is reported as not fetched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="82"/>
        <source>Window language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="83"/>
        <source>Label language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="84"/>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="85"/>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="86"/>
        <location filename="../settings_dialog.py" line="162"/>
        <source>Register file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="88"/>
        <source>Team register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="90"/>
        <source>Parallel exports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="91"/>
        <source>Largest image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="92"/>
        <source>Timestamp server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="93"/>
        <source>Remote manifests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="94"/>
        <source>A new window language applies at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="106"/>
        <source>Choose the register file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="116"/>
        <source>Where every export is recorded; empty: the default file shown. Use a local disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="120"/>
        <source>Choose …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="136"/>
        <source>postgresql://user@server/database (empty: the register file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="140"/>
        <source>A register shared by a team on a PostgreSQL server; exports, relabelling and checks use it instead of the register file. Entries made while the server cannot be reached wait on this computer and are sent later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="147"/>
        <source>The environment variable KILABEL_REGISTER_URL is set and is used instead: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="164"/>
        <source>Register (*.sqlite *.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="179"/>
        <source>On a network drive two people writing at once may damage the register; use a local disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="191"/>
        <source>The team register&apos;s address must start with postgresql://</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="194"/>
        <source>The register must be a file, not a folder: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <location filename="../side_panel.py" line="28"/>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../side_panel.py" line="30"/>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../side_panel.py" line="81"/>
        <source>Output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../side_panel.py" line="82"/>
        <source>Choose the output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../side_panel.py" line="87"/>
        <source>Provenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../side_panel.py" line="89"/>
        <source>{0} images selected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
