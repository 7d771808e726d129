<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../image_list.py" line="50"/>
        <location filename="../image_list.py" line="52"/>
        <source>Error: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../image_list.py" line="54"/>
        <source>exported ({0} files)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../image_list.py" line="55"/>
        <source>exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../image_list.py" line="58"/>
        <source>source type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../image_list.py" line="58"/>
        <source>AI system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../image_list.py" line="59"/>
        <source>Details missing: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../image_list.py" line="61"/>
        <source>loading …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../image_list.py" line="62"/>
        <source>ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../image_list.py" line="227"/>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="30"/>
        <source>Open images …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="30"/>
        <source>Open image files (Ctrl+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="31"/>
        <source>Open folder …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="31"/>
        <source>Open every image in a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="32"/>
        <source>Load sample images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="33"/>
        <source>Open job …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="34"/>
        <source>Save job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="35"/>
        <source>Save job as …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="36"/>
        <location filename="../menus.py" line="102"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="37"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="38"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="40"/>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="43"/>
        <source>Select all images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="44"/>
        <source>Remove from list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="45"/>
        <source>Next image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="46"/>
        <source>Previous image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="47"/>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="48"/>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="49"/>
        <source>Fit to window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="50"/>
        <source>Check files …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="51"/>
        <source>Show what a file says about its origin and whether its signature is valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="52"/>
        <source>Check folder …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="53"/>
        <source>Find existing images and PDFs that are AI-generated but carry no visible label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="54"/>
        <source>Relabel PDF …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="55"/>
        <source>Stamp the label onto AI images placed in a finished brochure or poster PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="56"/>
        <source>Register …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="57"/>
        <source>Create image credits …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="58"/>
        <source>Signing identity …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="59"/>
        <source>Settings …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="60"/>
        <source>Quick guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="61"/>
        <source>About kilabel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="66"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="74"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="78"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="82"/>
        <source>E&amp;xtras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="88"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../menus.py" line="91"/>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preset_files.py" line="52"/>
        <source>Save as new preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preset_files.py" line="52"/>
        <source>Name of the new preset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preset_files.py" line="62"/>
        <source>Cannot save the preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preset_files.py" line="66"/>
        <source>Preset saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preset_files.py" line="70"/>
        <source>Import preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preset_files.py" line="70"/>
        <location filename="../preset_files.py" line="86"/>
        <source>Label presets (*.toml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preset_files.py" line="77"/>
        <source>Cannot import the preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preset_files.py" line="81"/>
        <source>Preset imported: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preset_files.py" line="85"/>
        <source>Export preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preset_files.py" line="94"/>
        <source>Cannot export the preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preset_files.py" line="96"/>
        <source>Preset written to {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../about.py" line="75"/>
        <source>All licence texts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="76"/>
        <source>Visible AI labels and signed provenance (IPTC/XMP, EXIF, C2PA) for AI-generated images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="77"/>
        <source>Source code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="78"/>
        <source>Licences of the parts that ship with kilabel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="79"/>
        <source>Qt is linked dynamically; you may replace its libraries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="80"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="81"/>
        <source>CMYK profile kilabel-FOGRA39</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="82"/>
        <source>public domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="83"/>
        <source>with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="84"/>
        <source>Sample images and icons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="104"/>
        <source>About kilabel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckView</name>
    <message>
        <location filename="../check_dialog.py" line="41"/>
        <location filename="../check_dialog.py" line="75"/>
        <source>Check files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="43"/>
        <source>← Back to the images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="45"/>
        <source>Open or drop any image to see whether it is labelled as AI-generated, what it says about its origin and whether its signature is valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="48"/>
        <source>Open files …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="50"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="76"/>
        <source>Images and PDFs (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.pdf);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="91"/>
        <location filename="../check_dialog.py" line="96"/>
        <source>Checking …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="108"/>
        <source>No file checked yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="117"/>
        <source>Cannot read this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="119"/>
        <source>Signature INVALID: the file was changed after signing, or its record is damaged. Do not rely on its provenance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="122"/>
        <source>Signed and valid. The signer is on your trust list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="124"/>
        <source>Signed and valid. The signer is not on your trust list, so check who it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="126"/>
        <source>Origin noted in the file&apos;s metadata only, without a signature: it could have been changed without trace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="128"/>
        <source>No information about AI use found in this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="137"/>
        <source>How it was made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="138"/>
        <source>AI system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="139"/>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="140"/>
        <source>Prompt by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="141"/>
        <source>Creator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="142"/>
        <source>Image credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="143"/>
        <source>Visible label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="144"/>
        <source>Register id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="145"/>
        <source>Signed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="146"/>
        <source>Signed with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="148"/>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="150"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="155"/>
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
        <location filename="../credits_view.py" line="43"/>
        <source>Image credits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../credits_view.py" line="46"/>
        <source>(selection)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../credits_view.py" line="46"/>
        <source>(all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../credits_view.py" line="52"/>
        <source>Plain text (layout program)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../credits_view.py" line="60"/>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../credits_view.py" line="61"/>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../credits_view.py" line="62"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../credits_view.py" line="63"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../credits_view.py" line="63"/>
        <source>Save …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../credits_view.py" line="99"/>
        <source>Save image credits</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DropZone</name>
    <message>
        <location filename="../empty_state.py" line="34"/>
        <source>Drop AI-generated images or a folder here to label them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../empty_state.py" line="38"/>
        <source>Open images …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../empty_state.py" line="39"/>
        <source>Open folder …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../empty_state.py" line="44"/>
        <source>Load sample images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../empty_state.py" line="51"/>
        <source>JPEG, PNG, TIFF or WebP · the originals are never changed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <location filename="../export_controller.py" line="72"/>
        <source>An export is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="75"/>
        <source>Open images first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="77"/>
        <source>Images are still loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="81"/>
        <source>Choose the source type (Provenance) for: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="83"/>
        <source>Tick at least one export profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="90"/>
        <source>Label, sign and export {0} image(s) (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="133"/>
        <source>Preparing the export …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="143"/>
        <source>Cancelling …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="146"/>
        <source>{0} of {1} exported · {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="161"/>
        <source>{0} of {1} exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="171"/>
        <source>Export stopped: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="173"/>
        <source>{0} of {1} files exported to {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="175"/>
        <source>{0} failed (see the list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="177"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Extras</name>
    <message>
        <location filename="../extras.py" line="40"/>
        <source>{0} is not available in this version of kilabel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../extras.py" line="45"/>
        <source>The register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../extras.py" line="53"/>
        <source>Creating image credits</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FolderCheckDialog</name>
    <message>
        <location filename="../folder_check_view.py" line="76"/>
        <source>Check files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="81"/>
        <source>Folder …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="83"/>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="85"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="89"/>
        <source>Choose a folder: every image and PDF below it is checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="91"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="91"/>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="91"/>
        <source>Source type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="92"/>
        <source>AI system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="92"/>
        <source>C2PA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="92"/>
        <source>Recorded label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="93"/>
        <source>Visible label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="93"/>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="95"/>
        <source>Save CSV …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="96"/>
        <source>Save JSON …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="114"/>
        <source>Folder to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="121"/>
        <source>Not a folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="153"/>
        <source>%1 files checked, %2 need attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="155"/>
        <source> (cancelled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../folder_check_view.py" line="162"/>
        <source>Save results</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../about.py" line="112"/>
        <source>&lt;b&gt;Open images&lt;/b&gt;: drop files or a folder onto the window, or use Open images (Ctrl+O).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="113"/>
        <source>&lt;b&gt;Choose the label&lt;/b&gt;: pick a preset on the right; change wording, size, colours. Drag the label in the preview to another corner, or nudge it with the arrow keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="115"/>
        <source>&lt;b&gt;Say how each image was made&lt;/b&gt;: select one or several images and fill in Provenance. The source type is required; the AI system is needed for AI images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="117"/>
        <source>&lt;b&gt;Choose the output&lt;/b&gt;: tick one or more export profiles and an output folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="118"/>
        <source>&lt;b&gt;Export&lt;/b&gt; (Ctrl+E): every file gets the visible label, the metadata and a C2PA signature. The originals are never changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="120"/>
        <source>&lt;b&gt;Check&lt;/b&gt; any file later with Extras → Check files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="122"/>
        <source>Keys: Ctrl+O open · Ctrl+E export · PgDown/PgUp or Alt+↓/↑ next/previous image · Ctrl+Z undo · +/− zoom · Ctrl+0 fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="124"/>
        <source>Quick guide</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <location filename="../identity_dialog.py" line="26"/>
        <location filename="../identity_dialog.py" line="83"/>
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
        <location filename="../identity_dialog.py" line="38"/>
        <source>A new identity replaces the current one. Files signed before stay valid. To use your organisation&apos;s certificate: kilabel keys import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="47"/>
        <location filename="../identity_dialog.py" line="64"/>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="61"/>
        <source>&lt;b&gt;No signing identity yet.&lt;/b&gt; One is created on the first export, or create it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="64"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="65"/>
        <source>Algorithm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="65"/>
        <source>Valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="66"/>
        <source>Fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../identity_dialog.py" line="66"/>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LabelPanel</name>
    <message>
        <location filename="../label_panel.py" line="79"/>
        <location filename="../label_panel.py" line="182"/>
        <source>Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="114"/>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="153"/>
        <source>all images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="154"/>
        <source>selected images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="250"/>
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
        <location filename="../label_panel.py" line="110"/>
        <source>Text height in points when the export has a physical size (print)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="115"/>
        <source>Fixed colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="116"/>
        <source>Automatic: a dark or a light label, whichever stands out from the pixels under it. Fixed: the two colours on the right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="121"/>
        <source>Text colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="122"/>
        <source>Box colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="125"/>
        <source>Box behind the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="128"/>
        <source>Opacity of the box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="145"/>
        <source>Along the edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="146"/>
        <source>Run the label upwards along the left or right edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="149"/>
        <source>Reset nudge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="150"/>
        <source>Put the label back exactly on its anchor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="156"/>
        <source>Whether moving the label changes it for every image or only for the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="184"/>
        <source>Text (German)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="185"/>
        <source>Text (English)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="186"/>
        <source>On the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="187"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="188"/>
        <source>Colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="189"/>
        <source>Box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="190"/>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="241"/>
        <source>This preset is locked (locked = true in its file): it can be used but not changed. Position stays free per job.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../label_panel.py" line="251"/>
        <source>Locked preset: usable, not changeable.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../mainwindow.py" line="155"/>
        <source>Open images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="156"/>
        <source>Images ({0});;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="162"/>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="194"/>
        <source>Images ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="288"/>
        <source>Preset: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="313"/>
        <source>Change {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="337"/>
        <source>Nudge label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="380"/>
        <source>Open job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="381"/>
        <location filename="../mainwindow.py" line="417"/>
        <source>kilabel jobs (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="392"/>
        <source>Cannot open job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="415"/>
        <source>Save job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="427"/>
        <source>Cannot save job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="431"/>
        <source>Job saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="496"/>
        <source>Some presets could not be read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutputPanel</name>
    <message>
        <location filename="../output_panel.py" line="44"/>
        <source>Export profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../output_panel.py" line="51"/>
        <source>Choose an output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../output_panel.py" line="54"/>
        <source>Choose …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../output_panel.py" line="62"/>
        <source>Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../output_panel.py" line="63"/>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../output_panel.py" line="97"/>
        <source>Output folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfRelabelDialog</name>
    <message>
        <location filename="../pdf_relabel_view.py" line="61"/>
        <source>Relabel PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pdf_relabel_view.py" line="76"/>
        <source>Reason (recorded in the register)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pdf_relabel_view.py" line="78"/>
        <source>PDF …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pdf_relabel_view.py" line="80"/>
        <source>Output folder …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pdf_relabel_view.py" line="82"/>
        <source>Relabel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pdf_relabel_view.py" line="86"/>
        <source>Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pdf_relabel_view.py" line="88"/>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pdf_relabel_view.py" line="104"/>
        <source>PDF to relabel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pdf_relabel_view.py" line="109"/>
        <source>Output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pdf_relabel_view.py" line="115"/>
        <source>Reading %1 …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pdf_relabel_view.py" line="120"/>
        <source>Cannot read this PDF: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pdf_relabel_view.py" line="133"/>
        <source>%1 placed images; tick the AI-generated ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pdf_relabel_view.py" line="145"/>
        <source>Choose a PDF, at least one image and an output folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pdf_relabel_view.py" line="157"/>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pdf_relabel_view.py" line="159"/>
        <source>Written: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../preview.py" line="214"/>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="215"/>
        <source>Zoom out (−)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="216"/>
        <source>Zoom in (+)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="217"/>
        <source>Show the whole image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="223"/>
        <source>Soft proof</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="226"/>
        <location filename="../preview.py" line="296"/>
        <source>Choose a CMYK print profile to see how the print will look</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="231"/>
        <source>Which export profile the preview shows (size, crop, trim)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="236"/>
        <source>Drag the label to move it · arrow keys nudge it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="250"/>
        <source>Preview for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="295"/>
        <source>Show how the print will look through the profile&apos;s CMYK ICC profile (soft proof)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="326"/>
        <source>Loading preview …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="368"/>
        <source>Cannot draw the preview: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../preview.py" line="376"/>
        <source>{0} × {1} px</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressBar</name>
    <message>
        <location filename="../export_controller.py" line="26"/>
        <location filename="../export_controller.py" line="42"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_controller.py" line="27"/>
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
        <location filename="../provenance_panel.py" line="33"/>
        <source>How the image was made (IPTC digital source type)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="41"/>
        <source>Credit line as printed, e.g. &apos;Bild: KI-generiert (Midjourney)&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="45"/>
        <source>The text given to the AI system; stored exactly in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="51"/>
        <source>Source type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="52"/>
        <source>AI system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="53"/>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="54"/>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="55"/>
        <source>Prompt by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="56"/>
        <source>Creator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="57"/>
        <source>Image credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provenance_panel.py" line="74"/>
        <source>(differs)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <location filename="../register_view.py" line="77"/>
        <source>Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="82"/>
        <source>from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="82"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="88"/>
        <source>Search file names, prompts, register ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="89"/>
        <source>Only current (hide superseded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="91"/>
        <location filename="../register_view.py" line="225"/>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="91"/>
        <location filename="../register_view.py" line="222"/>
        <source>AI system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="101"/>
        <source>History of this image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="109"/>
        <source>Public (without operator and file paths)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="110"/>
        <source>Find file …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="111"/>
        <source>Export CSV …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="111"/>
        <source>Export JSON …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="112"/>
        <source>Image credits …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="154"/>
        <source>(all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../register_view.py" line="174"/>
        <source>%n entries</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../register_view.py" line="179"/>
        <source>correction of {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="179"/>
        <source>no reason given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="181"/>
        <source>superseded by {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="182"/>
        <source>current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="218"/>
        <source>Register id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="218"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="219"/>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="219"/>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="220"/>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="220"/>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="221"/>
        <source>Export profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="221"/>
        <source>Source type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="222"/>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="223"/>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="223"/>
        <source>Prompt by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="224"/>
        <source>Creator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="224"/>
        <source>Image credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="225"/>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="226"/>
        <source>Signed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="226"/>
        <source>Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="227"/>
        <source>Exported by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="227"/>
        <source>Program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="232"/>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="240"/>
        <source>{0}: not in the register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="257"/>
        <source>{0} entries written to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="261"/>
        <source>Find a file in the register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="266"/>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="266"/>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="267"/>
        <source>Export the register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../register_view.py" line="272"/>
        <source>Cannot write {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../settings_dialog.py" line="25"/>
        <location filename="../settings_dialog.py" line="74"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="27"/>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="38"/>
        <source>one per core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="45"/>
        <source>none (offline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="47"/>
        <source>Window language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="48"/>
        <source>Label language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="49"/>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="50"/>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="51"/>
        <source>Parallel exports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="52"/>
        <source>Largest image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="53"/>
        <source>Timestamp server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="54"/>
        <source>A new window language applies at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <location filename="../side_panel.py" line="26"/>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../side_panel.py" line="27"/>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../side_panel.py" line="62"/>
        <source>Provenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../side_panel.py" line="64"/>
        <source>{0} images selected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
