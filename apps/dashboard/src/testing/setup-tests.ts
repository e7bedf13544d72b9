// jest-dom's matchers (toBeInTheDocument, toHaveAccessibleName, …) for the component tests.
import '@testing-library/jest-dom/jest-globals';

import { configure } from '@testing-library/react';

// `findBy…` and `waitFor` give up after 1 s by default: too short when Nx runs several projects' suites at
// once on a two-core CI machine. A longer wait costs nothing when the element comes at once.
configure({ asyncUtilTimeout: 5_000 });
