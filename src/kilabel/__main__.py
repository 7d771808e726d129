from kilabel.cli.main import main

raise SystemExit(main())
