from swirl_learner.cli import main

raise SystemExit(main())
