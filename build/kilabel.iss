; Inno Setup 6 script: dist\kilabel\ (built by build\kilabel.spec on Windows) -> dist\kilabel-VERSION-windows-x64-setup.exe
; with a Start-menu entry for the window, one for a command prompt that has kilabel on its PATH,
; an optional desktop icon and an optional "Open with kilabel" for JPEG/PNG/TIFF/WebP.
;
;   iscc /DAppVersion=0.1.0 build\kilabel.iss
;   signed (release workflow): iscc /DAppVersion=0.1.0 /DSign "/Skilabelsign=signtool sign /fd SHA256 ... $f" build\kilabel.iss
;
; Paths are relative to this file's folder (build\). Installs per user without admin rights unless
; the user chooses "for all users" in the first dialog.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "kilabel"
#define GuiExe "kilabel-gui.exe"
#define CliExe "kilabel.exe"

[Setup]
AppId={{6E0C5B8E-4E38-4C55-9D0B-7A1C2F0B6A11}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=kilabel developers
AppPublisherURL=https://github.com/kilabel/kilabel
AppSupportURL=https://github.com/kilabel/kilabel/issues
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=kilabel-{#AppVersion}-windows-x64-setup
SetupIconFile=..\assets\icons\kilabel.ico
UninstallDisplayIcon={app}\{#GuiExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
#ifdef Sign
SignTool=kilabelsign
SignedUninstaller=yes
#endif

[Languages]
Name: "de"; MessagesFile: "compiler:Languages\German.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
de.CliShortcut=kilabel Kommandozeile
en.CliShortcut=kilabel command line
de.AssocTask=Mit kilabel öffnen für JPEG, PNG, TIFF und WebP anbieten
en.AssocTask=Offer "Open with kilabel" for JPEG, PNG, TIFF and WebP

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "openwith"; Description: "{cm:AssocTask}"; Flags: unchecked

[Files]
Source: "..\dist\kilabel\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "licenses\THIRD-PARTY.md"; DestDir: "{app}"; DestName: "LICENSES.md"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{userdocs}"
Name: "{autoprograms}\{cm:CliShortcut}"; Filename: "{cmd}"; Parameters: "/k set ""PATH={app};%PATH%"" && {#CliExe} --help"; WorkingDir: "{userdocs}"; IconFilename: "{app}\{#GuiExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Registry]
; "Open with" only (never takes over the default program): HKA = per-user or machine, as installed.
Root: HKA; Subkey: "Software\Classes\kilabel.image"; ValueType: string; ValueData: "kilabel"; Flags: uninsdeletekey; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\kilabel.image\DefaultIcon"; ValueType: string; ValueData: "{app}\{#GuiExe},0"; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\kilabel.image\shell\open\command"; ValueType: string; ValueData: """{app}\{#GuiExe}"" ""%1"""; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\.jpg\OpenWithProgids"; ValueType: string; ValueName: "kilabel.image"; ValueData: ""; Flags: uninsdeletevalue; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\.jpeg\OpenWithProgids"; ValueType: string; ValueName: "kilabel.image"; ValueData: ""; Flags: uninsdeletevalue; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\.png\OpenWithProgids"; ValueType: string; ValueName: "kilabel.image"; ValueData: ""; Flags: uninsdeletevalue; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\.tif\OpenWithProgids"; ValueType: string; ValueName: "kilabel.image"; ValueData: ""; Flags: uninsdeletevalue; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\.tiff\OpenWithProgids"; ValueType: string; ValueName: "kilabel.image"; ValueData: ""; Flags: uninsdeletevalue; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\.webp\OpenWithProgids"; ValueType: string; ValueName: "kilabel.image"; ValueData: ""; Flags: uninsdeletevalue; Tasks: openwith

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
