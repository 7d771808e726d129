<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../image_list.py" line="56"/>
        <location filename="../image_list.py" line="58"/>
        <source>Error: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../image_list.py" line="60"/>
        <source>exported ({0} files)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../image_list.py" line="62"/>
        <source>exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../image_list.py" line="65"/>
        <source>source type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../image_list.py" line="65"/>
        <source>AI system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../image_list.py" line="66"/>
        <source>Details missing: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../image_list.py" line="68"/>
        <source>loading …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../image_list.py" line="69"/>
        <source>ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../image_list.py" line="246"/>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="31"/>
        <source>Open image files (Ctrl+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="37"/>
        <source>Open every image in a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="60"/>
        <source>&amp;Check files …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="67"/>
        <source>Check &amp;folder …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="74"/>
        <source>Relabel &amp;PDF …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="79"/>
        <source>&amp;Register …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="80"/>
        <source>Create image cre&amp;dits …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="81"/>
        <source>Si&amp;gning identity …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="82"/>
        <source>&amp;Settings …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="134"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="31"/>
        <source>&amp;Open images …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="34"/>
        <source>Open &amp;folder …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="39"/>
        <source>Load sample i&amp;mages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="40"/>
        <source>Open &amp;job …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="41"/>
        <source>&amp;Save job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="42"/>
        <source>Save job &amp;as …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="43"/>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="44"/>
        <source>&amp;Cancel export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="45"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="46"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="48"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="51"/>
        <source>Select &amp;all images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="52"/>
        <source>Re&amp;move from list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="53"/>
        <source>&amp;Next image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="54"/>
        <source>&amp;Previous image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="55"/>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="56"/>
        <source>Zoom &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="57"/>
        <source>&amp;Fit to window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="63"/>
        <source>Show what a file says about its origin and whether its signature is valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="70"/>
        <source>Find existing images and PDFs that are AI-generated but carry no visible label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="77"/>
        <source>Stamp the label onto AI images placed in a finished brochure or poster PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="83"/>
        <source>&amp;Quick guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="84"/>
        <source>&amp;About kilabel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="88"/>
        <source>Stop the running export after the current file (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="91"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="99"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="103"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="107"/>
        <source>E&amp;xtras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="113"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="116"/>
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
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../about.py" line="78"/>
        <source>All licence texts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="80"/>
        <source>Visible AI labels and signed provenance (IPTC/XMP, EXIF, C2PA) for AI-generated images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="82"/>
        <source>Source code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="83"/>
        <source>Licences of the parts that ship with kilabel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="84"/>
        <source>Qt is linked dynamically; you may replace its libraries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="85"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="86"/>
        <source>CMYK profile kilabel-FOGRA39</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="87"/>
        <source>public domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="88"/>
        <source>with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="89"/>
        <source>Sample images and icons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="109"/>
        <source>About kilabel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckView</name>
    <message>
        <location filename="../check_dialog.py" line="47"/>
        <location filename="../check_dialog.py" line="87"/>
        <source>Check files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="49"/>
        <source>← Back to the images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="53"/>
        <source>Open or drop any image to see whether it is labelled as AI-generated, what it says about its origin and whether its signature is valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="58"/>
        <source>Open files …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="60"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="89"/>
        <source>Images and PDFs (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.pdf);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="104"/>
        <location filename="../check_dialog.py" line="109"/>
        <source>Checking …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="121"/>
        <source>No file checked yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="146"/>
        <source>How it was made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="147"/>
        <source>AI system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="148"/>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="149"/>
        <source>Prompt by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="150"/>
        <source>Creator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="151"/>
        <source>Image credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="152"/>
        <source>Visible label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="153"/>
        <source>Register id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="154"/>
        <source>Signed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="155"/>
        <source>Signed with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="157"/>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="158"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="160"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="168"/>
        <source>Technical details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ColourButton</name>
    <message>
        <location filename="../label_panel.py" line="51"/>
        <source>Choose colour</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CreditsDialog</name>
    <message>
        <location filename="../credits_view.py" line="49"/>
        <source>Image credits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../credits_view.py" line="52"/>
        <source>(selection)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../credits_view.py" line="52"/>
        <source>(all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../credits_view.py" line="59"/>
        <source>Plain text (layout program)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../credits_view.py" line="70"/>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../credits_view.py" line="71"/>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../credits_view.py" line="72"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../credits_view.py" line="73"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../credits_view.py" line="73"/>
        <source>Save …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../credits_view.py" line="111"/>
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
    <name>ExportController</name>
    <message>
        <location filename="../export_controller.py" line="82"/>
        <source>An export is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="84"/>
        <source>Go back to the images to export them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="87"/>
        <source>Open images first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="89"/>
        <source>Images are still loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="93"/>
        <source>Choose the source type (Provenance) for: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="95"/>
        <source>Tick at least one export profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="104"/>
        <source>AI system missing (Provenance) for: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="110"/>
        <source>Label, sign and export {0} image(s) (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="165"/>
        <source>Preparing the export …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="175"/>
        <source>Cancelling …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="178"/>
        <source>{0} of {1} exported · {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="193"/>
        <source>{0} of {1} exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="205"/>
        <source>Export stopped: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="207"/>
        <source>{0} of {1} files exported to {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="209"/>
        <source>{0} failed (see the list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="212"/>
        <source>{0} NOT recorded in the register (exporting them again records them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="215"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Extras</name>
    <message>
        <location filename="../extras.py" line="41"/>
        <source>{0} is not available in this version of kilabel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../extras.py" line="47"/>
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
        <location filename="../folder_check_view.py" line="393"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="147"/>
        <location filename="../folder_check_view.py" line="395"/>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="149"/>
        <location filename="../folder_check_view.py" line="399"/>
        <source>Source type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="150"/>
        <location filename="../folder_check_view.py" line="400"/>
        <source>AI system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="148"/>
        <location filename="../folder_check_view.py" line="397"/>
        <source>Provenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="121"/>
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
        <location filename="../folder_check_view.py" line="402"/>
        <source>Recorded label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="152"/>
        <location filename="../folder_check_view.py" line="403"/>
        <source>Visible label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="153"/>
        <location filename="../folder_check_view.py" line="396"/>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="178"/>
        <source>Save CSV …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="179"/>
        <source>Save JSON …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="214"/>
        <source>labelled (according to the metadata, not confirmed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="216"/>
        <source>labelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="217"/>
        <source>AI image, no visible label found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="218"/>
        <source>AI image, visible label not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="219"/>
        <source>provenance damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="220"/>
        <source>no AI provenance found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="221"/>
        <source>cannot read this file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="227"/>
        <source>not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="229"/>
        <source>not checked (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="231"/>
        <source>not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="233"/>
        <source>seen: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="235"/>
        <source>seen for every AI image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="237"/>
        <source>text recognition not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="244"/>
        <source>register entry %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="246"/>
        <source>metadata: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="248"/>
        <source>C2PA: label added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="279"/>
        <source>Folder to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="286"/>
        <source>Not a folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="387"/>
        <source>Select a file to see everything the check found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="390"/>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="394"/>
        <source>File type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="398"/>
        <source>Provenance details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="401"/>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="404"/>
        <source>Placed images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="405"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="418"/>
        <source>%1 files checked, %2 need attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="422"/>
        <source> (cancelled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="430"/>
        <source>Save results</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../about.py" line="118"/>
        <source>&lt;b&gt;Open images&lt;/b&gt;: drop files or a folder onto the window, or use Open images (Ctrl+O).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="121"/>
        <source>&lt;b&gt;Choose the label&lt;/b&gt;: pick a preset on the right; change wording, size, colours. Drag the label in the preview to another corner, or nudge it with the arrow keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="125"/>
        <source>&lt;b&gt;Say how each image was made&lt;/b&gt;: select one or several images and fill in Provenance. The source type is required; the AI system is needed for AI images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="128"/>
        <source>&lt;b&gt;Choose the output&lt;/b&gt;: tick one or more export profiles and an output folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="130"/>
        <source>&lt;b&gt;Export&lt;/b&gt; (Ctrl+E): every file gets the visible label, the metadata and a C2PA signature. The originals are never changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="133"/>
        <source>&lt;b&gt;Check&lt;/b&gt; any file later with Extras → Check files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="136"/>
        <source>Keys: Ctrl+O open · Ctrl+E export · PgDown/PgUp or Alt+↓/↑ next/previous image · Ctrl+Z undo · +/− zoom · Ctrl+0 fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="139"/>
        <source>Quick guide</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <location filename="../identity_dialog.py" line="26"/>
        <location filename="../identity_dialog.py" line="101"/>
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
        <location filename="../identity_dialog.py" line="51"/>
        <location filename="../identity_dialog.py" line="73"/>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="67"/>
        <source>&lt;b&gt;No signing identity yet.&lt;/b&gt; One is created on the first export, or create it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="74"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="75"/>
        <source>Algorithm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="76"/>
        <source>Valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="77"/>
        <source>Fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="78"/>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LabelPanel</name>
    <message>
        <location filename="../label_panel.py" line="79"/>
        <location filename="../label_panel.py" line="193"/>
        <source>Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="119"/>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="162"/>
        <source>all images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="163"/>
        <source>selected images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="285"/>
        <source>Save these settings as a new preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="83"/>
        <source>Save, import or export presets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="88"/>
        <source>Save as new preset …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="90"/>
        <source>Import preset …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="91"/>
        <source>Export preset …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="103"/>
        <source>Which wording is drawn on the exported images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="107"/>
        <source>Text height as a share of the image&apos;s short edge (web, same size)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="111"/>
        <source>Text height in points when the export has a physical size (print)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="115"/>
        <source>Share of the short edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="116"/>
        <source>Text height in print (pt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="120"/>
        <source>Fixed colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="123"/>
        <source>Automatic: a dark or a light label, whichever stands out from the pixels under it. Fixed: the two colours on the right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="130"/>
        <source>Text colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="131"/>
        <source>Box colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="134"/>
        <source>Box behind the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="137"/>
        <source>Opacity of the box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="154"/>
        <source>Along the edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="155"/>
        <source>Run the label upwards along the left or right edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="158"/>
        <source>Reset nudge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="159"/>
        <source>Put the label back exactly on its anchor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="166"/>
        <source>Whether moving the label changes it for every image or only for the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="195"/>
        <source>Text (German)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="196"/>
        <source>Text (English)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="197"/>
        <source>On the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="199"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="201"/>
        <source>Colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="202"/>
        <source>Box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="203"/>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="272"/>
        <source>This preset is locked (locked = true in its file): it can be used but not changed. Position stays free per job.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="287"/>
        <source>Locked preset: usable, not changeable.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../mainwindow.py" line="195"/>
        <source>Open images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="195"/>
        <source>Images ({0});;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="202"/>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="236"/>
        <source>Images ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="338"/>
        <source>Preset: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="363"/>
        <source>Change {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="387"/>
        <source>Nudge label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="434"/>
        <source>Open job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="436"/>
        <location filename="../mainwindow.py" line="475"/>
        <source>kilabel jobs (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="448"/>
        <source>Cannot open job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="473"/>
        <source>Save job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="486"/>
        <source>Cannot save job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="490"/>
        <source>Job saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="559"/>
        <source>Some presets could not be read</source>
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
        <location filename="../output_panel.py" line="56"/>
        <source>Choose …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../output_panel.py" line="64"/>
        <source>Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../output_panel.py" line="65"/>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../output_panel.py" line="99"/>
        <source>Output folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfRelabelDialog</name>
    <message>
        <location filename="../pdf_relabel_view.py" line="62"/>
        <source>Relabel PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pdf_relabel_view.py" line="77"/>
        <source>Reason (recorded in the register)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pdf_relabel_view.py" line="79"/>
        <source>PDF …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pdf_relabel_view.py" line="81"/>
        <source>Output folder …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pdf_relabel_view.py" line="83"/>
        <source>Relabel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pdf_relabel_view.py" line="87"/>
        <source>Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pdf_relabel_view.py" line="89"/>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pdf_relabel_view.py" line="105"/>
        <source>PDF to relabel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pdf_relabel_view.py" line="110"/>
        <source>Output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pdf_relabel_view.py" line="116"/>
        <source>Reading %1 …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pdf_relabel_view.py" line="121"/>
        <source>Cannot read this PDF: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pdf_relabel_view.py" line="135"/>
        <source>%1 placed images; tick the AI-generated ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pdf_relabel_view.py" line="151"/>
        <source>Choose a PDF, at least one image and an output folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pdf_relabel_view.py" line="168"/>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pdf_relabel_view.py" line="171"/>
        <source>Written: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../preview.py" line="219"/>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="220"/>
        <source>Zoom out (−)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="221"/>
        <source>Zoom in (+)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="222"/>
        <source>Show the whole image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="230"/>
        <source>Soft proof</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="233"/>
        <location filename="../preview.py" line="309"/>
        <source>Choose a CMYK print profile to see how the print will look</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="238"/>
        <source>Which export profile the preview shows (size, crop, trim)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="244"/>
        <source>Drag the label to move it · arrow keys nudge it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="260"/>
        <source>Preview for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="307"/>
        <source>Show how the print will look through the profile&apos;s CMYK ICC profile (soft proof)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="340"/>
        <source>Loading preview …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="382"/>
        <source>Cannot draw the preview: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="390"/>
        <source>{0} × {1} px</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressBar</name>
    <message>
        <location filename="../export_controller.py" line="27"/>
        <location filename="../export_controller.py" line="43"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="28"/>
        <source>Show folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProvenancePanel</name>
    <message>
        <location filename="../provenance_panel.py" line="26"/>
        <source>— please choose —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="34"/>
        <source>How the image was made (IPTC digital source type)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="43"/>
        <source>Credit line as printed, e.g. &apos;Bild: KI-generiert (Midjourney)&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="48"/>
        <source>The text given to the AI system; stored exactly in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="54"/>
        <source>Source type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="55"/>
        <source>AI system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="56"/>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="57"/>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="58"/>
        <source>Prompt by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="59"/>
        <source>Creator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="60"/>
        <source>Image credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="77"/>
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
        <source>Search file names, prompts, register ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="91"/>
        <source>Only current (hide superseded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="94"/>
        <location filename="../register_view.py" line="259"/>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="96"/>
        <location filename="../register_view.py" line="253"/>
        <source>AI system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="113"/>
        <source>History of this image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="121"/>
        <source>Public (without operator and file paths)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="122"/>
        <source>Find file …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="124"/>
        <source>Export CSV …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="125"/>
        <source>Export JSON …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="127"/>
        <source>Image credits …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="169"/>
        <source>(all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../register_view.py" line="191"/>
        <source>%n entries</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../register_view.py" line="197"/>
        <source>correction of {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="197"/>
        <source>no reason given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="200"/>
        <source>superseded by {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="201"/>
        <source>current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="245"/>
        <source>Register id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="246"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="247"/>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="248"/>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="249"/>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="250"/>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="251"/>
        <source>Export profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="252"/>
        <source>Source type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="254"/>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="255"/>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="256"/>
        <source>Prompt by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="257"/>
        <source>Creator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="258"/>
        <source>Image credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="260"/>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="261"/>
        <source>Signed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="262"/>
        <source>Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="263"/>
        <source>Exported by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="264"/>
        <source>Program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="272"/>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="280"/>
        <source>{0}: not in the register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="300"/>
        <source>{0} entries written to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="304"/>
        <source>Find a file in the register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="309"/>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="309"/>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="311"/>
        <source>Export the register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="317"/>
        <source>Cannot write {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../settings_dialog.py" line="26"/>
        <location filename="../settings_dialog.py" line="86"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="28"/>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="39"/>
        <source>one per core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="46"/>
        <source>none (offline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="47"/>
        <source>Fetch manifests stored on the internet when checking files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="50"/>
        <source>Off: checking files makes no network request; a manifest at a URL is reported as not fetched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="55"/>
        <source>Window language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="56"/>
        <source>Label language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="57"/>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="58"/>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="59"/>
        <source>Parallel exports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="60"/>
        <source>Largest image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="61"/>
        <source>Timestamp server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="62"/>
        <source>Remote manifests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="63"/>
        <source>A new window language applies at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <location filename="../side_panel.py" line="27"/>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../side_panel.py" line="29"/>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../side_panel.py" line="77"/>
        <source>Provenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../side_panel.py" line="79"/>
        <source>{0} images selected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
