from kilabel.cli.entry import main

raise SystemExit(main())
