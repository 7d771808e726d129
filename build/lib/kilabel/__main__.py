from kilabel.cli import main

raise SystemExit(main())
